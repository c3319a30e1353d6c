package dev.vlab.scenario;

import static org.awaitility.Awaitility.await;

import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.awaitility.pollinterval.IterativePollInterval;

/**
 * Waits for the notes app to answer on /health: polls soon and often (gaps growing from 5 to 25
 * ms), gives up early when the container exits, and on failure shows the container's logs.
 */
final class Readiness {
  /** The first poll comes soon after the start; the gaps then grow to at most MAX_POLL. */
  private static final Duration FIRST_POLL = Duration.ofMillis(5);

  private static final Duration MAX_POLL = Duration.ofMillis(25);

  /** How often to ask the engine whether the container exited: far less often than polling. */
  private static final Duration EXIT_CHECK = Duration.ofMillis(250);

  private Readiness() {}

  static void untilAnswering(
      Engine engine, String containerId, String name, NotesClient app, Duration timeout) {
    try {
      await("the notes app in " + name + " to answer on " + app.url("/health"))
          .atMost(timeout)
          .pollDelay(FIRST_POLL)
          .pollInterval(IterativePollInterval.iterative(Readiness::backOff, FIRST_POLL))
          .failFast("container " + name + " stopped", new ExitCheck(engine, containerId))
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
      String exit =
          engine
              .inspectContainer(containerId)
              .map(c -> " with exit code " + c.getState().getExitCodeLong())
              .orElse("");
      throw VlabException.failed(
          "Container "
              + name
              + " stopped"
              + exit
              + " before the app answered. Its logs:\n"
              + indent(engine.logs(containerId)),
          e);
    }
  }

  private static Duration backOff(Duration previous) {
    Duration next = previous.plus(previous.dividedBy(2));
    return next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
  }

  /** True once the container stopped; asks the engine at most every EXIT_CHECK. */
  private static final class ExitCheck implements Callable<Boolean> {
    private final Engine engine;
    private final String containerId;
    private long nextCheck = System.nanoTime() + EXIT_CHECK.toNanos();

    ExitCheck(Engine engine, String containerId) {
      this.engine = engine;
      this.containerId = containerId;
    }

    @Override
    public Boolean call() {
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
