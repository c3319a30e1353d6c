package dev.vlab.testing;

import dev.vlab.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the vlab command line in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
