package dev.vlab.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.engine.Owner;
import dev.vlab.image.DemoImage;
import dev.vlab.testing.RealEngine;
import dev.vlab.testing.VlabProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What clean removes and what it leaves, with objects this test makes under run ids of its own.
 * Every clean here is scoped with --run to those ids, so other runs on the engine are never
 * touched.
 */
class CleanTest {
  @RegisterExtension static final RealEngine ENGINE = new RealEngine();

  @TempDir Path vlabHome;
  @TempDir Path work;

  private static Engine engine() {
    return ENGINE.engine();
  }

  @Test
  void cleanNeverTouchesWhatVlabDidNotLabelEvenUnderItsNames() throws Exception {
    String runId = freshRunId();
    String name = "vlab-" + runId + "-lookalike";
    engine().docker().createVolumeCmd().withName(name).exec();
    Path folder = Files.createDirectories(vlabHome.resolve("runs").resolve(runId).resolve("x"));
    try {
      VlabProcess.Result clean = clean("--run", runId);

      assertThat(clean.exitCode()).as(clean.output()).isEqualTo(ExitCode.OK);
      assertThat(clean.output()).contains("run " + runId + ": nothing of it was found");
      assertThat(engine().inspectVolume(name)).isPresent();
      assertThat(folder).isDirectory();
    } finally {
      engine().removeVolume(name);
    }
  }

  @Test
  void aVolumeOfAGoneRunIsRemovedAndOneOfALiveRunIsNot() throws Exception {
    String gone = freshRunId();
    String live = freshRunId();
    createVolume(gone, deadOwner());
    createVolume(live, Owner.current());
    try {
      VlabProcess.Result dryRun = clean("--dry-run", "--run", gone, "--run", live, "--json");
      JsonNode report = new ObjectMapper().readTree(dryRun.output());
      assertThat(report.get("dryRun").asBoolean()).isTrue();
      assertThat(report.get("removed").toString()).contains("would remove volume vlab-" + gone);
      assertThat(report.get("leftAlone").toString())
          .contains("run " + live)
          .contains("its vlab is still running");
      assertThat(engine().inspectVolume("vlab-" + gone + "-v")).isPresent();

      VlabProcess.Result clean = clean("--run", gone, "--run", live);

      assertThat(clean.output()).contains("Removed volume vlab-" + gone + "-v");
      assertThat(engine().inspectVolume("vlab-" + gone + "-v")).isEmpty();
      assertThat(engine().inspectVolume("vlab-" + live + "-v")).isPresent();
    } finally {
      engine().removeVolume("vlab-" + gone + "-v");
      engine().removeVolume("vlab-" + live + "-v");
    }
  }

  @Test
  void imagesRemovesTheDemoImageVlabBuiltAndOnlyThat() throws Exception {
    // A second name for the shared demo image: removing it only takes the name away, so other
    // runs keep their image.
    String image = "vlab-test-image-" + freshRunId();
    engine().docker().tagImageCmd(DemoImage.NAME, image, "latest").exec();
    try {
      Map<String, String> env = Map.of("VLAB_HOME", vlabHome.toString(), "VLAB_IMAGE", image);
      String noRuns = freshRunId();

      VlabProcess.Result clean =
          VlabProcess.result(env, work, "clean", "--images", "--run", noRuns);

      assertThat(clean.exitCode()).as(clean.output()).isEqualTo(ExitCode.OK);
      assertThat(clean.output()).contains("Removed image " + image);
      assertThat(engine().inspectImage(image)).isEmpty();
      assertThat(engine().inspectImage(DemoImage.NAME)).isPresent();

      VlabProcess.Result again =
          VlabProcess.result(env, work, "clean", "--images", "--run", noRuns);
      assertThat(again.output()).contains("image " + image + ": not there, or not built by vlab");
    } finally {
      engine().removeImage(image);
    }
  }

  private VlabProcess.Result clean(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "clean";
    System.arraycopy(args, 0, command, 1, args.length);
    return VlabProcess.result(Map.of("VLAB_HOME", vlabHome.toString()), work, command);
  }

  private static void createVolume(String runId, Owner owner) {
    engine()
        .docker()
        .createVolumeCmd()
        .withName("vlab-" + runId + "-v")
        .withLabels(
            Map.of(
                Labels.MANAGED,
                "true",
                Labels.RUN,
                runId,
                Labels.LAB,
                "clean-test",
                Labels.OWNER,
                owner.label()))
        .exec();
  }

  /** The owner label of a process that has ended: a vlab killed on this host looks like it. */
  private static Owner deadOwner() throws Exception {
    Process process = new ProcessBuilder("true").start();
    long started =
        process.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
    process.waitFor();
    Owner me = Owner.current();
    return new Owner(me.host(), process.pid(), started);
  }

  private static String freshRunId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 6);
  }
}
