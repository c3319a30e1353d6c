package dev.vlab.cli;

import dev.vlab.engine.Engine;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** Progress lines on stderr, each printed whole, also when scenarios report side by side. */
final class Progress implements Consumer<String> {
  private final PrintWriter err;

  Progress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void accept(String line) {
    err.print(line + System.lineSeparator());
    err.flush();
  }

  /** Says which engine vlab talks to, and in which API version. */
  void engine(Engine engine) {
    accept(
        "Engine at "
            + engine.address()
            + " (Docker "
            + engine.engineVersion()
            + ", API "
            + engine.apiVersion()
            + ")");
  }
}
