package dev.vlab.cli;

import dev.vlab.Bundled;
import dev.vlab.exercise.ExerciseCatalog;
import dev.vlab.exercise.ExerciseLoader;
import dev.vlab.lab.LabCatalog;
import dev.vlab.lab.LabLoader;
import dev.vlab.lab.Workshop;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --labs DIR} option shared by every command that reads labs. */
final class LabsOption {
  @Option(
      names = "--labs",
      paramLabel = "DIR",
      description =
          "Read lab files from DIR, and exercise files from DIR/exercises, instead of those"
              + " bundled with vlab.")
  Path dir;

  /** The labs' {@code workshop.yaml}: DIR's own if it has one, else the bundled one. */
  Workshop workshop() {
    Optional<Workshop> own =
        dir == null ? Optional.empty() : LabLoader.loadWorkshop(dir, dir.toString());
    return own.or(() -> LabLoader.loadWorkshop(Bundled.folder("labs"), "labs"))
        .orElseThrow(() -> new IllegalStateException("vlab was built without labs/workshop.yaml"));
  }

  /** The exercises, in the folder {@code exercises} of the labs folder. */
  ExerciseCatalog exercises() {
    return dir == null
        ? ExerciseLoader.load(
            Bundled.folder("labs").resolve(ExerciseLoader.FOLDER), "labs/" + ExerciseLoader.FOLDER)
        : ExerciseLoader.load(
            dir.resolve(ExerciseLoader.FOLDER), dir.resolve(ExerciseLoader.FOLDER).toString());
  }

  LabCatalog load() {
    return dir == null
        ? LabLoader.load(Bundled.folder("labs"), "labs")
        : LabLoader.load(dir, dir.toString());
  }
}
