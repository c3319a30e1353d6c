package dev.vlab.scenario;

import dev.vlab.FileModes;
import dev.vlab.lab.LabStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Evidence read straight from a bind mount's host folder: its notes file, mode and owner. */
final class HostFolders {
  private HostFolders() {}

  static void explain(
      Path folder, String target, String containerUser, ScenarioRunner.Trace trace) {
    Path notes = folder.resolve("notes.txt");
    if (trace.command(LabStep.CAT, DockerCommands.cat(notes.toString()))) {
      trace.evidence(
          read(
              folder,
              () ->
                  Files.isRegularFile(notes)
                      ? "Host file "
                          + notes
                          + " holds: "
                          + String.join(" | ", Files.readAllLines(notes))
                      : "Host folder " + folder + " (on " + target + ") has no notes.txt."));
    }
    if (trace.command(LabStep.STAT, DockerCommands.stat(folder.toString()))) {
      trace.evidence(
          read(
              folder,
              () ->
                  "Host folder "
                      + folder
                      + ": mode "
                      + octal(folder)
                      + ", owner uid "
                      + Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                      + "; the app runs as "
                      + containerUser
                      + "."));
    }
  }

  private interface Look {
    String get() throws IOException;
  }

  private static String read(Path folder, Look look) {
    try {
      return look.get();
    } catch (IOException | UnsupportedOperationException e) {
      return "Could not read host folder " + folder + ": " + e.getMessage();
    }
  }

  static String octal(Path folder) throws IOException {
    return FileModes.octal(FileModes.bits(Files.getPosixFilePermissions(folder)));
  }
}
