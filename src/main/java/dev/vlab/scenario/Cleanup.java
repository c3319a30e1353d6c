package dev.vlab.scenario;

import java.util.List;
import java.util.function.Consumer;

/**
 * Removes what a run created when the run ends, and also when the user presses Ctrl-C, through a
 * shutdown hook. It runs at most once.
 */
public final class Cleanup implements AutoCloseable {
  private final RunContext run;
  private final boolean keep;
  private final Consumer<String> report;
  private final Runnable stopWork;
  private boolean done;
  private final Thread hook;

  /**
   * @param keep leave everything for inspection, and say how to remove it later
   * @param report receives one line per thing removed or kept
   * @param stopWork waits for the scenarios still running to stop, so that nothing appears after
   *     the clean-up
   */
  public Cleanup(RunContext run, boolean keep, Consumer<String> report, Runnable stopWork) {
    this.run = run;
    this.keep = keep;
    this.report = report;
    this.stopWork = stopWork;
    this.hook = new Thread(this::runOnce, "vlab-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  // Synchronized: when Ctrl-C stops the scenarios, the main thread reaches close() while the hook
  // still removes things, and must wait for it before the engine's connection is closed.
  private synchronized void runOnce() {
    if (done) {
      return;
    }
    done = true;
    run.resources().close();
    stopWork.run();
    if (keep) {
      report.accept(
          "Kept for inspection (--keep): everything labelled dev.vlab.run="
              + run.runId()
              + " and the folder "
              + run.workspace().runDir()
              + ".");
      return;
    }
    List<String> removed = run.resources().removeAll(run.engine(), run.runId(), run.workspace());
    removed.forEach(r -> report.accept("Removed " + r));
  }

  @Override
  public void close() {
    runOnce();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running or has run.
    }
  }
}
