package dev.vlab.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.testing.EngineProxy;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.RealEngine;
import dev.vlab.testing.RealSocket;
import dev.vlab.testing.VlabProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs interrupted in the middle of a lab, through a unix socket proxy in front of the real engine:
 * the engine goes away (the proxy is cut), or vlab is killed with SIGKILL (the proxy holds a
 * request meanwhile), so vlab's own clean-up cannot run. What the run left must be found and
 * removed by the next clean. Every run here has its own VLAB_HOME, and clean is scoped to this
 * test's run, so nothing of another engineer's runs is asserted about or removed.
 */
class InterruptedRunTest {
  @RegisterExtension static final RealEngine ENGINE = new RealEngine();

  @TempDir Path vlabHome;
  @TempDir Path work;

  private static Engine engine() {
    return ENGINE.engine();
  }

  /**
   * Killed with SIGKILL: while it still runs, clean must leave its run; once it is gone, doctor
   * must report the run and clean must remove it.
   */
  @Test
  void aKilledRunIsLeftAloneWhileAliveThenReportedAndRemoved() throws Exception {
    // The proxy holds vlab's first removal unanswered: vlab is mid-lab, with a container running.
    Path socket = Files.createTempDirectory(Path.of("/tmp"), "vlab-kill").resolve("e.sock");
    try (EngineProxy proxy =
        new EngineProxy(socket, RealSocket.of(engine()), "DELETE /", EngineProxy.Action.HOLD)) {
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
        assertThat(Leftovers.containers(engine(), runId)).hasSize(1);

        VlabProcess.Result whileAlive = vlab("clean", "--run", runId);
        assertThat(whileAlive.output()).contains("Left alone: run " + runId, "still running");
        assertThat(Leftovers.containers(engine(), runId)).hasSize(1);

        vlab.destroyForcibly().waitFor();

        assertThat(vlab("doctor").output())
            .containsPattern("leftovers +1 run\\(s\\) no longer running: .*run " + runId);
        VlabProcess.Result dryRun = vlab("clean", "--dry-run");
        assertThat(dryRun.output())
            .contains("Would remove container vlab-" + runId + "-bind-mount")
            .contains("Would remove folder " + vlabHome.resolve("runs").resolve(runId));
        assertThat(Leftovers.containers(engine(), runId)).hasSize(1);

        VlabProcess.Result clean = vlab("clean", "--run", runId);
        assertThat(clean.exitCode()).as(clean.output()).isEqualTo(ExitCode.OK);
        assertThat(clean.output())
            .contains("Removed container vlab-" + runId + "-bind-mount")
            .contains("Removed folder " + vlabHome.resolve("runs").resolve(runId));
        assertThat(Leftovers.containers(engine(), runId)).isEmpty();
        assertThat(vlabHome.resolve("runs").resolve(runId)).doesNotExist();
      } finally {
        vlab.destroyForcibly().waitFor();
        if (runId != null) {
          Leftovers.containers(engine(), runId).forEach(engine()::removeContainer);
        }
      }
    }
  }

  /** The engine goes away: vlab must say so and exit 3. */
  @Test
  void anEngineLostMidRunIsExit3AndCleanRemovesWhatWasLeft() throws Exception {
    Path socket = Files.createTempDirectory(Path.of("/tmp"), "vlab-loss").resolve("e.sock");
    String runId = null;
    try (EngineProxy proxy =
        new EngineProxy(socket, RealSocket.of(engine()), "DELETE /", EngineProxy.Action.CUT)) {
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
      assertThat(Leftovers.containers(engine(), runId)).hasSize(1);

      VlabProcess.Result clean =
          VlabProcess.result(
              Map.of("VLAB_HOME", vlabHome.toString()), work, "clean", "--run", runId);

      assertThat(clean.exitCode()).as(clean.output()).isEqualTo(ExitCode.OK);
      assertThat(clean.output()).contains("Removed container vlab-" + runId + "-bind-mount");
      assertThat(Leftovers.containers(engine(), runId)).isEmpty();
      assertThat(vlabHome.resolve("runs").resolve(runId)).doesNotExist();
    } finally {
      if (runId != null) {
        Leftovers.containers(engine(), runId).forEach(engine()::removeContainer);
      }
    }
  }

  private static String runIdIn(String output) {
    Matcher name = Pattern.compile("vlab-([0-9a-f]{6})-bind-mount").matcher(output);
    assertThat(name.find()).as(output).isTrue();
    return name.group(1);
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
