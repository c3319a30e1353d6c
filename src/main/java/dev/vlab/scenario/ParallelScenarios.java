package dev.vlab.scenario;

import dev.vlab.lab.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs scenarios on up to N threads at once and hands their results back in the labs' order. The
 * scenarios are independent: each has its own names, folders, volumes and engine-chosen port.
 */
public final class ParallelScenarios implements AutoCloseable {
  /** How long {@link #stop} lets running scenarios finish their current step. */
  private static final long STOP_WAIT_SECONDS = 20;

  private final ExecutorService pool;

  public ParallelScenarios(int parallel) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
    }
    this.pool = Executors.newFixedThreadPool(parallel, DaemonThreads.named("vlab-scenario"));
  }

  /** The default: one scenario per core, as most of a scenario is spent waiting on the engine. */
  public static int defaultParallelism() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs every lab and returns the results in the order of {@code labs}, whatever order they end
   * in. An unexpected failure in one scenario stops the others and is thrown.
   */
  public List<ScenarioResult> run(List<Lab> labs, ScenarioRunner runner) {
    List<Future<ScenarioResult>> futures = new ArrayList<>();
    for (Lab lab : labs) {
      futures.add(pool.submit(() -> runner.run(lab)));
    }
    List<ScenarioResult> results = new ArrayList<>();
    for (Future<ScenarioResult> future : futures) {
      results.add(await(future));
    }
    return results;
  }

  private ScenarioResult await(Future<ScenarioResult> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      stop();
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while waiting for the scenarios", e);
    }
  }

  /**
   * Interrupts the running scenarios, so that none starts another step, and waits for them. Used
   * before cleaning up, so that nothing is created after the clean-up looked.
   */
  public void stop() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
