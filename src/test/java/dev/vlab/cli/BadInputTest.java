package dev.vlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vlab.Bundled;
import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.TestEngine;
import dev.vlab.testing.VlabProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in what a user gives vlab: each is a clear message and exit 2, and nothing is made. */
class BadInputTest {
  @TempDir Path work;
  @TempDir Path vlabHome;

  @Test
  void oneBadLabStopsTheRunBeforeAnythingIsCreated() throws Exception {
    String goodId = "probe-" + UUID.randomUUID().toString().substring(0, 8);
    Path labs = Files.createDirectories(work.resolve("labs"));
    String good =
        Files.readString(Bundled.folder("labs").resolve("02-bind-mount.yaml"))
            .replace("id: bind-mount", "id: " + goodId);
    Files.writeString(labs.resolve("1-good.yaml"), good);
    Files.writeString(
        labs.resolve("2-bad.yaml"),
        good.replace(goodId, goodId + "-b").replace("\"0777\"", "\"8\""));

    VlabProcess.Result run =
        VlabProcess.result(
            Map.of("VLAB_HOME", vlabHome.toString()),
            work,
            "run-lab",
            "all",
            "--labs",
            labs.toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.USAGE);
    int modeLine = good.substring(0, good.indexOf("mode:")).split("\n", -1).length;
    assertThat(run.output())
        .contains(
            labs + "/2-bad.yaml:" + modeLine + ": mounts[0].mode: '8' is not an octal folder mode");
    assertThat(vlabHome.resolve("runs")).doesNotExist();
    try (Engine engine = TestEngine.connect()) {
      assertThat(Leftovers.containersLabelled(engine, Labels.LAB, goodId)).isEmpty();
      assertThat(Leftovers.volumesLabelled(engine, Labels.LAB, goodId)).isEmpty();
    }
  }

  @Test
  void aMissingLabsFolderIsExit2() throws Exception {
    VlabProcess.Result run =
        VlabProcess.result(
            Map.of(), work, "run-lab", "all", "--labs", work.resolve("no-such").toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.USAGE);
    assertThat(run.output()).contains("The labs folder " + work.resolve("no-such") + " does not");
  }

  @Test
  void aMalformedDockerHostIsExit2ForEveryCommandThatNeedsTheEngine() throws Exception {
    for (String command : List.of("run-lab", "doctor", "clean")) {
      VlabProcess.Result run =
          VlabProcess.result(
              Map.of("DOCKER_HOST", "tcp//127.0.0.1:2375"),
              work,
              command.equals("run-lab") ? new String[] {command, "all"} : new String[] {command});

      assertThat(run.exitCode()).as(command + ": " + run.output()).isEqualTo(ExitCode.USAGE);
      assertThat(run.output())
          .as(command)
          .contains("DOCKER_HOST is 'tcp//127.0.0.1:2375', which vlab cannot use")
          .doesNotContain("Exception");
    }
  }

  @Test
  void aPublishAddressOffTheLoopbackIsRefused() throws Exception {
    VlabProcess.Result run =
        VlabProcess.result(
            Map.of("VLAB_PUBLISH_ADDRESS", "0.0.0.0", "VLAB_HOME", vlabHome.toString()),
            work,
            "run-lab",
            "ephemeral");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.USAGE);
    assertThat(run.output()).contains("VLAB_PUBLISH_ADDRESS is '0.0.0.0'");
  }
}
