package dev.vlab.scenario;

import static org.awaitility.Awaitility.await;

import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Waits for the notes app to answer on /health: polls often, gives up early when the container
 * exits, and on failure shows the container's logs.
 */
public final class Readiness {
  private static final Duration FIRST_POLL = Duration.ofMillis(20);
  private static final Duration POLL = Duration.ofMillis(50);

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
        .pollInterval(POLL)
        .failFast("container " + name + " stopped", () -> !engine.isRunning(containerId))
        .until(app::healthy);
  }

  public static String indent(String text) {
    return text.isBlank()
        ? "  (no output)\n"
        : text.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
  }
}
