package dev.vlab.exercise;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.vlab.engine.Engine;
import dev.vlab.image.DemoImage;
import dev.vlab.scenario.NotesClient;
import dev.vlab.scenario.Readiness;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code check: port}: the app's port 3000 is published on some host port, and the app answers
 * there. Any host port will do: {@code -p 3000:3000} and {@code -p 8080:3000} both pass.
 */
final class PortCheck extends ContainerCheckBase {
  PortCheck(String container) {
    super(container);
  }

  @Override
  public String describe(Names names) {
    return names.container(container)
        + " publishes port "
        + DemoImage.PORT
        + " and the app answers there";
  }

  @Override
  public Set<String> findings() {
    return Set.of("not-published", "wrong-port", "no-answer");
  }

  @Override
  public Set<String> placeholders() {
    return Set.of("container", "found", "port", "logs");
  }

  @Override
  public Outcome run(CheckContext context) {
    InspectContainerResponse c = context.container(container);
    String name = name(context);
    Optional<Integer> hostPort = Engine.hostPort(c, DemoImage.PORT);
    if (hostPort.isEmpty()) {
      return unpublished(c, name);
    }
    NotesClient app = new NotesClient(hostPort.get());
    String port = String.valueOf(hostPort.get());
    if (!Readiness.answersWithin(context.engine(), c.getId(), name, app, context.timeout())) {
      return Outcome.fail(
          "no-answer",
          "nothing answered on " + app.url("/health"),
          Map.of("container", name, "port", port, "logs", context.logTail(c.getId(), 3)));
    }
    return Outcome.pass(
        "port " + DemoImage.PORT + " is published on host port " + port + ", and the app answers");
  }

  private static Outcome unpublished(InspectContainerResponse c, String name) {
    Map<ExposedPort, Ports.Binding[]> others = Engine.publishedPorts(c);
    if (others.isEmpty()) {
      return Outcome.fail("not-published", name + " publishes no port", Map.of("container", name));
    }
    String found =
        others.entrySet().stream()
            .map(
                e ->
                    "host port "
                        + e.getValue()[0].getHostPortSpec()
                        + " to container port "
                        + e.getKey().getPort())
            .collect(Collectors.joining(", "));
    return Outcome.fail(
        "wrong-port", name + " publishes " + found, Map.of("container", name, "found", found));
  }
}
