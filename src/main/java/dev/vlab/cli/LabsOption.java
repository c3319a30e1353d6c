package dev.vlab.cli;

import dev.vlab.Bundled;
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
      description = "Read lab files from DIR instead of the labs bundled with vlab.")
  Path dir;

  /** The labs' {@code workshop.yaml}: DIR's own if it has one, else the bundled one. */
  Workshop workshop() {
    Optional<Workshop> own =
        dir == null ? Optional.empty() : LabLoader.loadWorkshop(dir, dir.toString());
    return own.or(() -> LabLoader.loadWorkshop(Bundled.folder("labs"), "labs"))
        .orElseThrow(() -> new IllegalStateException("vlab was built without labs/workshop.yaml"));
  }

  LabCatalog load() {
    return dir == null
        ? LabLoader.load(Bundled.folder("labs"), "labs")
        : LabLoader.load(dir, dir.toString());
  }
}
