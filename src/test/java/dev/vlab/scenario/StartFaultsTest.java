package dev.vlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlab.ExitCode;
import dev.vlab.engine.ContainerSpec;
import dev.vlab.engine.Engine;
import dev.vlab.engine.MountSpec;
import dev.vlab.image.DemoImage;
import dev.vlab.testing.CliRun;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.RealEngine;
import dev.vlab.testing.VlabProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What can go wrong as the app's container starts, on the real engine with the real image. */
class StartFaultsTest {
  /**
   * A loopback address no one else's runs publish on: the engine keeps a port sequence per address,
   * so holding ports on it crowds only this test's containers.
   */
  private static final String CROWDED_ADDRESS = "127.0.0.7";

  @RegisterExtension static final RealEngine ENGINE = new RealEngine();

  @TempDir Path work;

  private static Engine engine() {
    return ENGINE.engine();
  }

  @Test
  void anAppThatExitsAtStartIsReportedWithItsLogsAndExitCode() throws Exception {
    // An empty host folder on /opt/java/lib hides the runtime's libraries: java exits at once.
    Files.writeString(
        work.resolve("hidden-app.yaml"),
        """
        id: hidden-app
        title: A mount that hides the app
        summary: An empty folder on /opt/java/lib hides the runtime's libraries.
        mounts:
          - type: bind
            source: empty
            target: /opt/java/lib
        expect:
          writeSucceeds: true
          dataSurvives: true
        explanation:
          expected: It ran.
          surprising: It did not run.
        """);

    CliRun run = CliRun.of("run-lab", "all", "--labs", work.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
    JsonNode report = new ObjectMapper().readTree(run.out());
    JsonNode scenario = report.get("scenarios").get(0);
    String name = "vlab-" + report.get("runId").asText() + "-hidden-app";
    assertThat(scenario.get("error").asText())
        .contains("Container " + name + " exited with exit code 127 before the app answered")
        .contains("libjli.so: cannot open shared object file");
    assertThat(scenario.get("evidence").toString())
        .contains(name + " exited at start with exit code 127")
        .contains(
            "docker logs " + name + ": /opt/java/bin/java: error while loading shared libraries");
    assertThat(scenario.get("commands").toString()).contains("docker logs " + name);
    assertThat(Leftovers.containers(engine(), report.get("runId").asText())).isEmpty();
  }

  @Test
  void aHostPortTakenByAnotherProgramIsRetriedOnAnother() throws Exception {
    int last = lastPortGivenOn(CROWDED_ADDRESS);
    // Docker 20.10 tries ten ports in one start: hold fifteen, so the first start fails whole.
    List<ServerSocket> held = hold(CROWDED_ADDRESS, last, 15);
    try {
      VlabProcess.Result run =
          VlabProcess.result(
              Map.of("VLAB_PUBLISH_ADDRESS", CROWDED_ADDRESS, "VLAB_HOME", work.toString()),
              work,
              "run-lab",
              "ephemeral");

      assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
      assertThat(run.output()).contains("was taken by another program; starting it again");
      Matcher answered = Pattern.compile("answers on port (\\d+)").matcher(run.output());
      assertThat(answered.find()).as(run.output()).isTrue();
      assertThat(held.stream().map(ServerSocket::getLocalPort))
          .doesNotContain(Integer.parseInt(answered.group(1)));
      assertThat(run.output()).contains("-p " + CROWDED_ADDRESS + "::3000");
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void onSelinuxBindMountsAreRelabelled(@TempDir Path folder) {
    // This engine has no SELinux, where ':z' is accepted and does nothing; what matters is that
    // the relabelled mount reaches the engine as one and the container runs with it.
    ContainerSpec spec =
        new ContainerSpec(
            "vlab-test-" + UUID.randomUUID().toString().substring(0, 8),
            DemoImage.NAME,
            "127.0.0.1",
            DemoImage.PORT,
            0,
            List.of(new MountSpec(MountSpec.Kind.BIND, folder.toString(), "/data", false, true)),
            Map.of());
    String id = engine().createContainer(spec);
    try {
      engine().startContainer(id, spec.name());

      var container = engine().inspectContainer(id).orElseThrow();
      assertThat(container.getHostConfig().getBinds())
          .extracting(Object::toString)
          .containsExactly(folder + ":/data:rw,z");
      assertThat(container.getMounts())
          .singleElement()
          .satisfies(m -> assertThat(m.getMode()).contains("z"));
      assertThat(engine().isRunning(id)).isTrue();
    } finally {
      engine().removeContainer(id);
    }
  }

  /** The port the engine gave last on {@code address}, found by publishing one there. */
  private static int lastPortGivenOn(String address) {
    ContainerSpec probe =
        new ContainerSpec(
            "vlab-test-probe-" + UUID.randomUUID().toString().substring(0, 8),
            DemoImage.NAME,
            address,
            DemoImage.PORT,
            0,
            List.of(),
            Map.of());
    String id = engine().createContainer(probe);
    try {
      engine().startContainer(id, probe.name());
      return engine().publishedPort(id, DemoImage.PORT).orElseThrow();
    } finally {
      engine().removeContainer(id);
    }
  }

  /** Listens on the {@code count} ports after {@code last}, as the engine will try them. */
  private static List<ServerSocket> hold(String address, int last, int count) throws IOException {
    String[] range =
        Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
            .get(0)
            .strip()
            .split("\\s+");
    int first = Integer.parseInt(range[0]);
    int end = Integer.parseInt(range[1]);
    List<ServerSocket> held = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      int port = last + i > end ? first + (last + i - end - 1) : last + i;
      ServerSocket socket = new ServerSocket();
      socket.bind(new InetSocketAddress(address, port));
      held.add(socket);
    }
    return held;
  }
}
