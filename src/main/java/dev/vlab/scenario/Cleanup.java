package dev.vlab.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a run created: each scenario's containers and volumes as soon as it finishes, and
 * whatever is left when the run ends, also when the user presses Ctrl-C (through a shutdown hook).
 */
public final class Cleanup implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Cleanup.class);

  private final RunContext run;
  private final boolean keep;
  private final Consumer<String> report;
  private final Runnable stopWork;
  private final Thread hook;
  private final ExecutorService early =
      Executors.newCachedThreadPool(DaemonThreads.named("vlab-early"));
  private final List<Future<?>> pending = Collections.synchronizedList(new ArrayList<>());
  private boolean done;

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

  /**
   * Removes a finished scenario's containers and volumes in the background while others still run,
   * so that little is left for the end. Nothing with {@code keep}, or once the run is ending.
   */
  public void finished(String labId) {
    if (keep || run.resources().isClosed()) {
      return;
    }
    pending.add(
        early.submit(
            () -> report(run.resources().removeScenario(run.engine(), run.runId(), labId))));
  }

  private void report(List<String> removed) {
    removed.forEach(r -> report.accept("Removed " + r));
  }

  private void awaitEarlyRemovals() {
    for (Future<?> removal : List.copyOf(pending)) {
      try {
        removal.get();
      } catch (ExecutionException e) {
        log.warn("removing a finished scenario's containers failed: {}", e.getCause().toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    early.shutdown();
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
    awaitEarlyRemovals();
    if (keep) {
      report.accept(
          "Kept for inspection (--keep): everything labelled dev.vlab.run="
              + run.runId()
              + " and the folder "
              + run.workspace().runDir()
              + ".");
      return;
    }
    report(run.resources().removeAll(run.engine(), run.runId(), run.workspace()));
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
