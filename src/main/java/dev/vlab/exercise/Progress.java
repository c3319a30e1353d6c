package dev.vlab.exercise;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vlab.VlabException;
import dev.vlab.scenario.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * What vlab remembers between checks, in a small JSON file: which exercises passed, the marker
 * notes it wrote, the student's answers.
 */
public final class Progress {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final Stored stored;

  private Progress(Path file, Stored stored) {
    this.file = file;
    this.stored = stored;
  }

  /** The file's layout: one entry per exercise id. */
  record Stored(Map<String, ExerciseProgress> exercises) {
    Stored {
      exercises = exercises == null ? new TreeMap<>() : new TreeMap<>(exercises);
    }
  }

  /** {@code exercises.json} in {@code $VLAB_HOME}, or in {@code ~/.vlab}. */
  public static Path defaultFile() {
    return Workspace.defaultRoot().resolve("exercises.json");
  }

  /** Progress kept in memory only, for a self-test's make-believe student. */
  public static Progress inMemory() {
    return new Progress(null, new Stored(null));
  }

  /** Reads the file; a missing one is a fresh start. */
  public static Progress load(Path file) {
    if (!Files.exists(file)) {
      return new Progress(file, new Stored(null));
    }
    try {
      return new Progress(file, JSON.readValue(file.toFile(), Stored.class));
    } catch (IOException e) {
      throw VlabException.usage(
          "vlab's progress file "
              + file
              + " cannot be read ("
              + e.getMessage().lines().findFirst().orElse("")
              + "). Move it away to start afresh, or name another with --state.");
    }
  }

  public ExerciseProgress of(String exerciseId) {
    return stored.exercises().computeIfAbsent(exerciseId, id -> new ExerciseProgress());
  }

  public boolean isDone(String exerciseId) {
    ExerciseProgress progress = stored.exercises().get(exerciseId);
    return progress != null && progress.done();
  }

  /** Writes the file whole, through a temporary file, so a crash never leaves half of it. */
  public void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary =
          Files.createTempFile(file.toAbsolutePath().getParent(), ".exercises", ".tmp");
      JSON.writeValue(temporary.toFile(), stored);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw VlabException.failed(
          "Could not save vlab's progress to " + file + ": " + e.getMessage(), e);
    }
  }
}
