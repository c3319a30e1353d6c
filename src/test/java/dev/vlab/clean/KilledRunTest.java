package dev.vlab.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.testing.EngineProxy;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.RealSocket;
import dev.vlab.testing.TestEngine;
import dev.vlab.testing.VlabProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vlab killed with SIGKILL in the middle of a lab: its shutdown hook never runs, so its container
 * and folder stay. While it still runs, clean must leave them; once it is gone, doctor must report
 * them and clean must remove them. Every run here has its own VLAB_HOME, and clean is scoped to
 * this test's run, so nothing of another engineer's runs is asserted about or removed.
 */
class KilledRunTest {
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
  void aKilledRunIsLeftAloneWhileAliveThenReportedAndRemoved() throws Exception {
    // The proxy holds vlab's first removal unanswered: vlab is mid-lab, with a container running.
    Path socket = Files.createTempDirectory(Path.of("/tmp"), "vlab-kill").resolve("e.sock");
    try (EngineProxy proxy =
        new EngineProxy(socket, RealSocket.of(engine), "DELETE /", EngineProxy.Action.HOLD)) {
      Process vlab =
          VlabProcess.start(
              Map.of("DOCKER_HOST", proxy.address(), "VLAB_HOME", vlabHome.toString()),
              work.resolve("run.out"),
              "run-lab",
              "bind-mount");
      String runId = null;
      try {
        await("vlab to reach its first removal")
            .atMost(Duration.ofMinutes(2))
            .until(() -> proxy.hasTriggered() || !vlab.isAlive());
        assertThat(vlab.isAlive()).as(Files.readString(work.resolve("run.out"))).isTrue();
        runId = onlyRun();
        assertThat(Leftovers.containers(engine, runId)).hasSize(1);

        VlabProcess.Result whileAlive = vlab("clean", "--run", runId);
        assertThat(whileAlive.output()).contains("Left alone: run " + runId, "still running");
        assertThat(Leftovers.containers(engine, runId)).hasSize(1);

        vlab.destroyForcibly().waitFor();

        assertThat(vlab("doctor").output())
            .containsPattern("leftovers +1 run\\(s\\) no longer running: .*run " + runId);
        VlabProcess.Result dryRun = vlab("clean", "--dry-run");
        assertThat(dryRun.output())
            .contains("Would remove container vlab-" + runId + "-bind-mount")
            .contains("Would remove folder " + vlabHome.resolve("runs").resolve(runId));
        assertThat(Leftovers.containers(engine, runId)).hasSize(1);

        VlabProcess.Result clean = vlab("clean", "--run", runId);
        assertThat(clean.exitCode()).as(clean.output()).isEqualTo(ExitCode.OK);
        assertThat(clean.output())
            .contains("Removed container vlab-" + runId + "-bind-mount")
            .contains("Removed folder " + vlabHome.resolve("runs").resolve(runId));
        assertThat(Leftovers.containers(engine, runId)).isEmpty();
        assertThat(vlabHome.resolve("runs").resolve(runId)).doesNotExist();
      } finally {
        vlab.destroyForcibly().waitFor();
        if (runId != null) {
          Leftovers.containers(engine, runId).forEach(engine::removeContainer);
        }
      }
    }
  }

  private VlabProcess.Result vlab(String... args) throws IOException, InterruptedException {
    return VlabProcess.result(Map.of("VLAB_HOME", vlabHome.toString()), work, args);
  }

  private String onlyRun() throws IOException {
    try (Stream<Path> runs = Files.list(vlabHome.resolve("runs"))) {
      List<Path> all = runs.toList();
      assertThat(all).hasSize(1);
      return all.get(0).getFileName().toString();
    }
  }
}
