package dev.vlab.cli;

import picocli.CommandLine.Option;

/** The {@code --json} option: machine-readable output on stdout. */
final class JsonOption {
  @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
  boolean json;
}
