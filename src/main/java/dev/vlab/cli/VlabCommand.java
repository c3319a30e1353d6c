package dev.vlab.cli;

import dev.vlab.terminal.Terminal;
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
      HandoutCommand.class,
      ListCommand.class,
      DoctorCommand.class,
      CleanCommand.class,
      ExerciseCommand.class,
      CheckCommand.class,
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
      "  vlab run-lab all --step          in class: one step at a time, Enter to go on",
      "  vlab handout --format markdown   the same steps as a handout for students",
      "  vlab run-lab all --json          the report as JSON, for scripts and graders",
      "  vlab list                        the labs and what each shows",
      "  vlab doctor                      will the labs work on this engine?",
      "  vlab clean --dry-run             what killed or kept runs left behind",
      "  vlab exercise list               exercises: you type the commands",
      "  vlab check bind-mount            vlab checks your work and hints at mistakes",
      "  vlab build-image                 build the demo image ahead of a class"
    })
final class VlabCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin Verbosity verbosity;

  private final Terminal terminal;

  VlabCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /** The terminal vlab runs on, as the command line was built with. */
  static Terminal terminal(CommandSpec spec) {
    return ((VlabCommand) spec.root().userObject()).terminal;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
