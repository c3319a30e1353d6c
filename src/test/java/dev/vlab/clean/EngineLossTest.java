package dev.vlab.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.testing.EngineProxy;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.RealSocket;
import dev.vlab.testing.TestEngine;
import dev.vlab.testing.VlabProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine goes away in the middle of a lab: a proxy socket in front of the real engine is cut
 * when vlab asks to remove its first container. vlab must say so and exit 3; what it left on the
 * engine (which in truth kept running) must be found and removed by the next clean.
 */
class EngineLossTest {
  private static Engine engine;

  @TempDir Path vlabHome;
  @TempDir Path work;

  @BeforeAll
  static void engine() {
    engine = TestEngine.connect();
    TestEngine.demoImage(engine);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void anEngineLostMidRunIsExit3AndCleanRemovesWhatWasLeft() throws Exception {
    Path socket = Files.createTempDirectory(Path.of("/tmp"), "vlab-loss").resolve("e.sock");
    String runId = null;
    try (EngineProxy proxy =
        new EngineProxy(socket, RealSocket.of(engine), "DELETE /", EngineProxy.Action.CUT)) {
      VlabProcess.Result run =
          VlabProcess.result(
              Map.of("DOCKER_HOST", proxy.address(), "VLAB_HOME", vlabHome.toString()),
              work,
              "run-lab",
              "bind-mount");
      runId = runIdIn(run.output());

      assertThat(proxy.hasTriggered()).as(run.output()).isTrue();
      assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.ENGINE_UNREACHABLE);
      assertThat(run.output())
          .contains("Lost the Docker engine at " + proxy.address() + " while running the labs")
          .contains("'vlab clean' removes it")
          .doesNotContain("unexpected failure");
      assertThat(Leftovers.containers(engine, runId)).hasSize(1);

      VlabProcess.Result clean =
          VlabProcess.result(
              Map.of("VLAB_HOME", vlabHome.toString()), work, "clean", "--run", runId);

      assertThat(clean.exitCode()).as(clean.output()).isEqualTo(ExitCode.OK);
      assertThat(clean.output()).contains("Removed container vlab-" + runId + "-bind-mount");
      assertThat(Leftovers.containers(engine, runId)).isEmpty();
      assertThat(vlabHome.resolve("runs").resolve(runId)).doesNotExist();
    } finally {
      if (runId != null) {
        Leftovers.containers(engine, runId).forEach(engine::removeContainer);
      }
    }
  }

  private static String runIdIn(String output) {
    Matcher name = Pattern.compile("vlab-([0-9a-f]{6})-bind-mount").matcher(output);
    assertThat(name.find()).as(output).isTrue();
    return name.group(1);
  }
}
