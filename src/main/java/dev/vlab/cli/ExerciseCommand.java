package dev.vlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vlab exercise}: only a home for the exercise subcommands. */
@Command(
    name = "exercise",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    subcommands = {
      ExerciseListCommand.class,
      ExerciseShowCommand.class,
      ExerciseStartCommand.class,
      ExerciseSelftestCommand.class
    },
    description = {
      "Exercises: you type the docker commands, and 'vlab check' checks your work.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  vlab exercise list",
      "  vlab exercise show bind-mount",
      "  vlab exercise start fix-broken",
      "  vlab exercise selftest             (for course authors)"
    })
final class ExerciseCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
