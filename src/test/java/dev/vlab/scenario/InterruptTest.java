package dev.vlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vlab.engine.Engine;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.TestEngine;
import dev.vlab.testing.VlabProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in the middle of a run still removes everything the run created. */
class InterruptTest {

  @Test
  void ctrlCMidRunRemovesTheRunsContainersVolumesAndFolders(@TempDir Path home) throws Exception {
    try (Engine engine = TestEngine.connect()) {
      TestEngine.demoImage(engine);
      Path output = home.resolve("output.txt");
      Process vlab =
          VlabProcess.start(
              Map.of("VLAB_HOME", home.toString()),
              output,
              "run-lab",
              "bind-mount",
              "named-volume",
              "wrong-mount-path");

      // The bind-mount lab creates the run's folder first; its name is the run id.
      String runId =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> runId(home), Optional::isPresent)
              .get();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !Leftovers.containers(engine, runId).isEmpty());
      new ProcessBuilder("kill", "-INT", String.valueOf(vlab.pid())).start().waitFor();

      assertThat(vlab.waitFor()).as(Files.readString(output)).isNotZero();
      assertThat(Files.readString(output)).contains("Removed container vlab-" + runId);
      assertThat(Leftovers.containers(engine, runId)).isEmpty();
      assertThat(Leftovers.volumes(engine, runId)).isEmpty();
      assertThat(home.resolve("runs").resolve(runId)).doesNotExist();
    }
  }

  private static Optional<String> runId(Path home) throws IOException {
    Path runs = home.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return Optional.empty();
    }
    try (Stream<Path> list = Files.list(runs)) {
      return list.map(p -> p.getFileName().toString()).findFirst();
    }
  }
}
