package dev.vlab.cli;

import dev.vlab.VlabException;
import dev.vlab.exercise.Names;
import dev.vlab.exercise.Progress;
import dev.vlab.image.DemoImage;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The names a student's work goes by, and where vlab remembers their progress: the workshop's own
 * by default, others for several students on one engine, or for tests.
 */
final class WorkshopOptions {
  @Option(
      names = "--prefix",
      paramLabel = "PREFIX",
      defaultValue = "",
      description =
          "Expect your containers, volumes and folders to start with PREFIX, such as alice- for"
              + " alice-demo2: for several students sharing one engine.")
  String prefix;

  @Option(
      names = "--image",
      paramLabel = "NAME",
      defaultValue = DemoImage.NAME,
      description = "The demo image's name (default: ${DEFAULT-VALUE}).")
  String image;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "The folder that holds your folders, such as data (default: this folder).")
  Path dir;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description =
          "Where vlab remembers your progress (default: exercises.json in $VLAB_HOME, or in"
              + " ~/.vlab).")
  Path state;

  Names names() {
    if (!prefix.matches("[A-Za-z0-9_.-]*")) {
      throw VlabException.usage(
          "--prefix '" + prefix + "' may hold only letters, digits, '.', '_' and '-'.");
    }
    return new Names(prefix, image, dir == null ? Path.of("") : dir);
  }

  Progress progress() {
    return Progress.load(state == null ? Progress.defaultFile() : state);
  }
}
