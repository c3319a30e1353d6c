package dev.vlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code vlab} command: only a home for the subcommands. */
@Command(
    name = "vlab",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    versionProvider = VersionProvider.class,
    subcommands = {
      RunLabCommand.class,
      ListCommand.class,
      BuildImageCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    description = {
      "Runs the Docker volumes workshop against a real Docker engine.",
      "%nA small notes app writes to /data; each lab mounts (or fails to mount) storage there,"
          + " writes a note, replaces the container, and shows whether the note survived and why."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  vlab run-lab all                 run all five scenarios and report",
      "  vlab run-lab named-volume --keep run one, and keep its container and volume",
      "  vlab run-lab all --json          the report as JSON, for scripts and graders",
      "  vlab list                        the labs and what each shows",
      "  vlab build-image                 build the demo image ahead of a class"
    })
final class VlabCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin Verbosity verbosity;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
