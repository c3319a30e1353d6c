package dev.vlab.scenario;

import static org.awaitility.Awaitility.await;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.awaitility.pollinterval.IterativePollInterval;

/**
 * Waits for the notes app to answer on /health: polls often, gives up early when the container
 * exits, and on failure shows the container's logs.
 */
public final class Readiness {
  /** The first poll comes soon after the start; the gaps then grow to at most MAX_POLL. */
  private static final Duration FIRST_POLL = Duration.ofMillis(5);

  private static final Duration MAX_POLL = Duration.ofMillis(25);
  private static final Duration POLL = Duration.ofMillis(50);

  /** How often to ask the engine whether the container exited: far less often than polling. */
  private static final Duration EXIT_CHECK = Duration.ofMillis(250);

  private Readiness() {}

  /** Waits for the app, and fails with its logs when it stops or never answers. */
  public static void untilAnswering(
      Engine engine, String containerId, String name, NotesClient app, Duration timeout) {
    try {
      waitFor(engine, containerId, name, app, timeout);
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
      throw exited(engine, containerId, name);
    }
  }

  /** A container that stopped before its app answered: its exit code and its logs. */
  static final class Exited extends VlabException {
    private final long containerExitCode;
    private final String logs;

    Exited(String name, long exitCode, String logs) {
      super(
          ExitCode.FAILED,
          "Container "
              + name
              + " exited with exit code "
              + exitCode
              + " before the app answered. Its logs:\n"
              + indent(logs)
              + "A mount that hides the app's files (on /opt/java/lib, say) stops it at start.");
      this.containerExitCode = exitCode;
      this.logs = logs;
    }

    long containerExitCode() {
      return containerExitCode;
    }

    String logs() {
      return logs;
    }
  }

  static Exited exited(Engine engine, String containerId, String name) {
    // The app may still be on its way out; its exit code is known once it has stopped.
    await("container " + name + " to stop")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(POLL)
        .until(() -> !engine.isRunning(containerId));
    long code =
        engine.inspectContainer(containerId).map(c -> c.getState().getExitCodeLong()).orElse(-1L);
    return new Exited(name, code, engine.logs(containerId));
  }

  /**
   * Whether the app answers within {@code timeout}; false as soon as its container stops. For
   * callers that explain a silent app themselves.
   */
  public static boolean answersWithin(
      Engine engine, String containerId, String name, NotesClient app, Duration timeout) {
    try {
      waitFor(engine, containerId, name, app, timeout);
      return true;
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      return false;
    }
  }

  private static void waitFor(
      Engine engine, String containerId, String name, NotesClient app, Duration timeout) {
    await("the notes app in " + name + " to answer on " + app.url("/health"))
        .atMost(timeout)
        .pollDelay(FIRST_POLL)
        .pollInterval(IterativePollInterval.iterative(Readiness::backOff, FIRST_POLL))
        .failFast("container " + name + " stopped", new ExitCheck(engine, containerId))
        .until(app::healthy);
  }

  private static Duration backOff(Duration previous) {
    Duration next = previous.plus(previous.dividedBy(2));
    return next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
  }

  /** True once the container stopped, asking the engine sparingly. */
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

  public static String indent(String text) {
    return text.isBlank()
        ? "  (no output)\n"
        : text.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
  }
}
