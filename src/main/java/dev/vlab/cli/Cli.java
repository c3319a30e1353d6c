package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.report.Json;
import dev.vlab.scenario.Cleanup;
import dev.vlab.terminal.Terminal;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the configured command line, the same for {@code main} and for tests. */
public final class Cli {
  private Cli() {}

  /** The command line of the vlab process, on its own streams and terminal. */
  public static CommandLine commandLine() {
    return commandLine(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        Terminal.detect());
  }

  /** A command line that prints to {@code out} and {@code err}, which are no terminal. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, Terminal.NONE);
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Terminal terminal) {
    CommandLine cli = new CommandLine(new VlabCommand(terminal));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(
        e -> e instanceof VlabException v ? v.exitCode() : ExitCode.FAILED);
    cli.setExecutionExceptionHandler(Cli::report);
    cli.setParameterExceptionHandler(Cli::reportUsage);
    listExitCodes(cli);
    return cli;
  }

  /** Progress lines for a person watching, on the command's stderr. */
  static Consumer<String> progress(CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    return line -> {
      err.println(line);
      err.flush();
    };
  }

  /** One line naming the engine in use. */
  static String describe(Engine engine) {
    return "Engine at "
        + engine.address()
        + " ("
        + engine.foundBy()
        + "; Docker "
        + engine.engineVersion()
        + ", API "
        + engine.apiVersion()
        + ")";
  }

  /** Every command's help ends with the exit codes, taken from the one list in ExitCode. */
  private static void listExitCodes(CommandLine cli) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (String line : ExitCode.HELP) {
      String[] parts = line.split(":", 2);
      codes.put(parts[0], parts[1]);
    }
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    cli.getSubcommands().values().forEach(Cli::listExitCodes);
  }

  private static int report(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (Cleanup.interrupted()) {
      // Ctrl-C: the clean-up has said what it removed; what failed after it is only its echo.
      err.println("vlab: interrupted.");
      err.flush();
      return ExitCode.INTERRUPTED;
    }
    if (e instanceof VlabException v) {
      err.println("vlab: " + v.getMessage());
    } else {
      err.println(
          "vlab: unexpected failure: "
              + e
              + ". Run again with -v for details, and"
              + " report it if it persists.");
    }
    if (Verbosity.level() > 0) {
      e.printStackTrace(err);
    }
    err.flush();
    int code = cli.getExitCodeExceptionMapper().getExitCode(e);
    if (askedForJson(parsed)) {
      // A script reading stdout gets an answer it can parse, not an empty page.
      cli.getOut()
          .println(Json.write(Map.of("error", String.valueOf(e.getMessage()), "exitCode", code)));
      cli.getOut().flush();
    }
    return code;
  }

  private static boolean askedForJson(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult leaf = parsed;
    while (leaf.subcommand() != null) {
      leaf = leaf.subcommand();
    }
    return leaf.hasMatchedOption("--json");
  }

  private static int reportUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("vlab: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr());
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
    cli.getErr().flush();
    return ExitCode.USAGE;
  }
}
