package dev.vlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code vlab} command: only a home for the subcommands. */
@Command(
    name = "vlab",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {RunLabCommand.class, ListCommand.class, picocli.CommandLine.HelpCommand.class},
    description = {
      "Runs the Docker volumes workshop against a real Docker engine: the notes app, five",
      "ways to mount (or not mount) its data, and whether a note survives the container."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  vlab run-lab all                 run all five scenarios and report",
      "  vlab run-lab named-volume --keep run one, and keep its container and volume",
      "  vlab run-lab all --json          the report as JSON, for scripts and graders",
      "  vlab list                        the labs and what each shows"
    })
final class VlabCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin Verbosity verbosity;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
