package dev.vlab.exercise;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.vlab.engine.Engine;
import dev.vlab.image.DemoImage;
import dev.vlab.scenario.NotesClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a check may use: the engine, the student's names, the exercise's remembered progress, and
 * how long the app may take to answer.
 */
record CheckContext(
    Engine engine, Names names, ExerciseProgress progress, Duration timeout, String exerciseId) {

  /** The container, which an earlier check of the exercise found running. */
  InspectContainerResponse container(String name) {
    String real = names.container(name);
    return engine
        .inspectContainer(real)
        .orElseThrow(() -> new CheckSkipped(real + " disappeared while vlab was checking"));
  }

  /** The student's app, reached where the container publishes the app's port. */
  NotesClient app(InspectContainerResponse container) {
    // TODO: a remote engine publishes ports on its own host, so checks cannot reach the app.
    return Engine.hostPort(container, DemoImage.PORT)
        .map(NotesClient::new)
        .orElseThrow(
            () -> new CheckSkipped(nameOf(container) + " stopped publishing " + DemoImage.PORT));
  }

  /** The last {@code count} lines of {@code docker logs}, joined for a one-line hint. */
  String logTail(String containerId, int count) {
    List<String> lines = engine.logs(containerId).lines().filter(l -> !l.isBlank()).toList();
    List<String> tail = lines.subList(Math.max(0, lines.size() - count), lines.size());
    return tail.isEmpty() ? "(no output)" : String.join(" | ", tail);
  }

  /** The app's last error line in {@code docker logs}, such as a write it was refused. */
  Optional<String> lastError(String containerId) {
    return engine.logs(containerId).lines().filter(l -> l.contains("ERROR")).reduce((a, b) -> b);
  }

  static String nameOf(InspectContainerResponse container) {
    return container.getName() == null
        ? container.getId()
        : container.getName().replaceFirst("^/", "");
  }

  static String shortId(String id) {
    String bare = id.startsWith("sha256:") ? id.substring(7) : id;
    return bare.substring(0, Math.min(12, bare.length()));
  }
}
