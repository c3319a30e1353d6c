package dev.vlab.scenario;

import dev.vlab.lab.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scenarios on up to N threads at once and hands their results back in the labs' order. The
 * scenarios are independent: each has its own names, folders, volumes and engine-chosen port.
 */
public final class ParallelScenarios implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ParallelScenarios.class);

  /** How long {@link #stop} lets running scenarios finish their current step. */
  private static final long STOP_WAIT_SECONDS = 20;

  private final ExecutorService pool;

  public ParallelScenarios(int parallel) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
    }
    this.pool = Executors.newFixedThreadPool(parallel, DaemonThreads.named("vlab-scenario"));
  }

  /** The default: one scenario per core. */
  // TODO: more than one scenario per core pays (2 cores: five at once 0.70 of baseline, this 0.80)
  public static int defaultParallelism() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs every lab and returns the results in the order of {@code labs}, whatever order they end
   * in. An unexpected failure in one scenario is thrown; the clean-up then stops the others.
   */
  public List<ScenarioResult> run(List<Lab> labs, Function<Lab, ScenarioResult> scenario) {
    List<Future<ScenarioResult>> futures = new ArrayList<>();
    for (Lab lab : labs) {
      futures.add(pool.submit(() -> scenario.apply(lab)));
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
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the scenarios", e);
    }
  }

  /**
   * Waits for the scenarios under way; call it once the run's resources are closed, which makes
   * each stop before its next step. Threads are not interrupted: the engine client would abandon a
   * call the engine still carries out, and leave a container nobody recorded.
   */
  public void stop() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn("scenarios still running after {} s; cleaning up anyway", STOP_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
