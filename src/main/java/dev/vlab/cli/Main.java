package dev.vlab.cli;

/** The {@code vlab} command's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.commandLine().execute(args));
  }
}
