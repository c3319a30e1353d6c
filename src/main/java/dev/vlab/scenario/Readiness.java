package dev.vlab.scenario;

import static org.awaitility.Awaitility.await;

import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.awaitility.pollinterval.IterativePollInterval;

/**
 * Waits for the notes app to answer on /health: polls soon and often (gaps growing from 5 to 25
 * ms), gives up early when the container exits or the run ends, and on failure shows the
 * container's logs.
 */
final class Readiness {
  /** The first poll comes soon after the start; the gaps then grow to at most MAX_POLL. */
  private static final Duration FIRST_POLL = Duration.ofMillis(5);

  private static final Duration MAX_POLL = Duration.ofMillis(25);

  /** How often to ask the engine whether the container exited: far less often than polling. */
  private static final Duration EXIT_CHECK = Duration.ofMillis(250);

  private Readiness() {}

  /**
   * @param stopped true once the run is ending, which ends the wait too
   */
  static void untilAnswering(
      Engine engine,
      String containerId,
      String name,
      NotesClient app,
      Duration timeout,
      BooleanSupplier stopped) {
    try {
      await("the notes app in " + name + " to answer on " + app.url("/health"))
          .atMost(timeout)
          .pollDelay(FIRST_POLL)
          .pollInterval(IterativePollInterval.iterative(Readiness::backOff, FIRST_POLL))
          .failFast(
              "container " + name + " stopped, or the run ended",
              new ExitCheck(engine, containerId, stopped))
          .until(app::healthy);
    } catch (ConditionTimeoutException e) {
      throw VlabException.failed(
          "The notes app in container "
              + name
              + " did not answer on "
              + app.url("/health")
              + " within "
              + timeout.toSeconds()
              + " s. Its logs:\n"
              + indent(engine.logs(containerId))
              + "Raise --timeout on a slow machine.",
          e);
    } catch (TerminalFailureException e) {
      throw stopped.getAsBoolean()
          ? VlabException.failed("The run ended while " + name + " was starting.", e)
          : exited(engine, containerId, name, e);
    }
  }

  private static VlabException exited(
      Engine engine, String containerId, String name, RuntimeException e) {
    String exit =
        engine
            .inspectContainer(containerId)
            .map(c -> " with exit code " + c.getState().getExitCodeLong())
            .orElse("");
    return VlabException.failed(
        "Container "
            + name
            + " stopped"
            + exit
            + " before the app answered. Its logs:\n"
            + indent(engine.logs(containerId)),
        e);
  }

  private static Duration backOff(Duration previous) {
    Duration next = previous.plus(previous.dividedBy(2));
    return next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
  }

  /** True once the run is ending, or the container stopped (asking the engine sparingly). */
  private static final class ExitCheck implements Callable<Boolean> {
    private final Engine engine;
    private final String containerId;
    private final BooleanSupplier stopped;
    private long nextCheck = System.nanoTime() + EXIT_CHECK.toNanos();

    ExitCheck(Engine engine, String containerId, BooleanSupplier stopped) {
      this.engine = engine;
      this.containerId = containerId;
      this.stopped = stopped;
    }

    @Override
    public Boolean call() {
      if (stopped.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() < nextCheck) {
        return false;
      }
      nextCheck = System.nanoTime() + EXIT_CHECK.toNanos();
      return !engine.isRunning(containerId);
    }
  }

  static String indent(String text) {
    return text.isBlank()
        ? "  (no output)\n"
        : text.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
  }
}
