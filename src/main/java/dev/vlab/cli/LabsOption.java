package dev.vlab.cli;

import dev.vlab.Bundled;
import dev.vlab.lab.LabCatalog;
import dev.vlab.lab.LabLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --labs DIR} option shared by every command that reads labs. */
final class LabsOption {
  @Option(
      names = "--labs",
      paramLabel = "DIR",
      description = "Read lab files from DIR instead of the labs bundled with vlab.")
  Path dir;

  LabCatalog load() {
    return dir == null
        ? LabLoader.load(Bundled.folder("labs"), "labs")
        : LabLoader.load(dir, dir.toString());
  }
}
