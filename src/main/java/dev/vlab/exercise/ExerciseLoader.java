package dev.vlab.exercise;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vlab.VlabException;
import dev.vlab.lab.YamlFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads exercise files ({@code *.yaml}) from a folder, in file name order, checking each. */
public final class ExerciseLoader {
  /** Where exercise files live inside a labs folder. */
  public static final String FOLDER = "exercises";

  private ExerciseLoader() {}

  /**
   * Loads every exercise in {@code dir}.
   *
   * @param shownAs how the folder is named in messages, e.g. {@code labs/exercises}
   */
  public static ExerciseCatalog load(Path dir, String shownAs) {
    if (!Files.isDirectory(dir)) {
      throw VlabException.usage(
          "There is no exercises folder "
              + shownAs
              + ". Exercise files (*.yaml) go in the folder 'exercises' inside the labs folder.");
    }
    List<Exercise> exercises =
        YamlFile.readAll(dir, shownAs, ExerciseLoader::parse, Exercise::id, "exercise");
    if (exercises.isEmpty()) {
      throw VlabException.usage("The folder " + shownAs + " holds no exercise files (*.yaml).");
    }
    return new ExerciseCatalog(exercises);
  }

  /** Parses and checks one exercise file's text; {@code name} is used in messages. */
  static Exercise parse(String yaml, String name) {
    YamlFile.Parsed<RawExercise> parsed = YamlFile.parse(yaml, name, RawExercise.class);
    return new ExerciseFileChecker(name, parsed.lines()).check(parsed.value());
  }

  /** An exercise file as written, before it is checked: every field may be missing. */
  record RawExercise(
      String id,
      String title,
      String lab,
      String task,
      String question,
      Map<String, List<RawStep>> setup,
      List<RawCheck> checks,
      List<RawStep> solution) {}

  record RawCheck(
      String check,
      String container,
      String type,
      String target,
      String volume,
      String expect,
      Map<String, String> hints) {}

  record RawStep(
      @JsonProperty("do") String action,
      String container,
      String folder,
      Object mode,
      String volume,
      List<RawMount> mounts,
      String text) {}

  record RawMount(String type, String source, String target) {}
}
