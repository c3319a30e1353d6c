package dev.vlab.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.vlab.ExitCode;
import dev.vlab.engine.Labels;
import dev.vlab.scenario.Workspace;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.RealEngine;
import dev.vlab.testing.Tmux;
import dev.vlab.testing.VlabProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step mode on the real engine, driven as an instructor drives it: keys on a real pseudo-terminal
 * (tmux), or no terminal at all. Other runs share the engine, so names are accepted as the
 * workshop's or the run's prefixed fallback, and only this run's labels are looked for.
 */
class StepModeTest {
  private static final Pattern RUN_ID = Pattern.compile("This run is ([0-9a-f]{6})");
  private static final Pattern DOCKER_RUN =
      Pattern.compile(
          "\\$ docker run -d --name (\\S+) -p 127\\.0\\.0\\.1:(\\d+):3000 (?:-v (\\S+):(\\S+) )?"
              + "volume-demo");
  private static final String ESC = "\u001b[";

  @RegisterExtension static final RealEngine ENGINE = new RealEngine();

  @Test
  void enterRunsEachStepAndTheCommandsShownAreTheOnesTheEngineRuns(@TempDir Path dir)
      throws Exception {
    try (Tmux tmux = Tmux.start(dir, Map.of(), "run-lab", "named-volume", "--step")) {
      pressEnterAt(tmux, "Step 1/10 · Build the image");
      pressEnterAt(tmux, "Step 2/10 · Create the volume");
      pressEnterAt(tmux, "Step 3/10 · Start the app");
      String screen = tmux.awaitPrompt("Step 4/10 · Look at the mounts");

      String runId = runId(screen);
      Matcher shown = DOCKER_RUN.matcher(screen);
      assertThat(shown.find()).as(screen).isTrue();
      String name = shown.group(1);
      String volume = shown.group(3);
      assertThat(name).isIn("demo3", "vlab-" + runId + "-demo3");
      assertThat(volume).isIn("notesvol", "vlab-" + runId + "-notesvol");
      assertThat(shown.group(4)).isEqualTo("/data");
      assertThat(screen).contains("$ docker volume create " + volume);
      assertRunsAsShown(name, Integer.parseInt(shown.group(2)), volume, runId);

      for (int step = 4; step <= 10; step++) {
        pressEnterAt(tmux, "Step " + step + "/10 · ");
      }
      assertThat(tmux.awaitExit()).as(tmux.screen()).isEqualTo(ExitCode.OK);
      assertThat(tmux.screen())
          .contains("Mounts of " + name + ": volume " + volume + " on /data (read-write).")
          .contains("serves {\"notes\":[\"note from vlab run " + runId + " (named-volume)\"]}")
          .contains("As expected.")
          .contains("Lesson:")
          .contains("named-volume  as expected");
      assertThat(tmux.screenWithEscapes()).as("colours on a terminal").contains(ESC);
      assertLineEditingRestored(tmux);
      assertNothingLeft(runId);
    }
  }

  @Test
  void sSkipsAStepOrTheRestOfALabAndFromResumesLater(@TempDir Path dir) throws Exception {
    try (Tmux tmux =
        Tmux.start(
            dir,
            Map.of(),
            "run-lab",
            "ephemeral",
            "bind-mount",
            "--step",
            "--from",
            "ephemeral:logs")) {
      String screen = tmux.awaitPrompt("Step 5/19 · Read the logs");
      String runId = runId(screen);
      assertThat(screen)
          .as("the steps before --from ran without a pause")
          .contains("Step 2/19 · ran: docker run -d --name ")
          .contains("Step 4/19 · ran: curl -X POST")
          .doesNotContain("Step 2/19 · Start the app");

      tmux.press("s");
      screen = tmux.awaitPrompt("Step 6/19 · List what the container changed");
      assertThat(screen).contains("Skipped.").doesNotContain("notes-app: listening");

      tmux.press("Enter");
      screen = tmux.awaitPrompt("Step 7/19 · Remove the container");
      assertThat(screen).contains("docker diff shows A /data/notes.txt");

      tmux.press("s");
      screen = tmux.awaitPrompt("Step 10/19 · Make the host folder");
      assertThat(screen)
          .contains("Skipped remove, and the rest of ephemeral with it")
          .contains("Tidied up for the next part: removed container")
          .contains("Part 2 of 2: Bind mount of a host folder (bind-mount)");

      tmux.press("Enter");
      tmux.awaitPrompt("Step 11/19 · Start the app");
      tmux.press("q");

      assertThat(tmux.awaitExit()).isEqualTo(ExitCode.OK);
      assertThat(tmux.screen())
          .contains("ephemeral   skipped from remove (step 7)")
          .contains("bind-mount  stopped by q at run");
      assertNothingLeft(runId);
    }
  }

  @Test
  void qStopsAndRemovesEverythingTheRunCreated(@TempDir Path dir) throws Exception {
    try (Tmux tmux = Tmux.start(dir, Map.of(), "run-lab", "named-volume", "--step")) {
      pressEnterAt(tmux, "Step 1/10 · Build the image");
      pressEnterAt(tmux, "Step 2/10 · Create the volume");
      pressEnterAt(tmux, "Step 3/10 · Start the app");
      String runId = runId(tmux.awaitPrompt("Step 4/10 · Look at the mounts"));
      assertThat(Leftovers.containers(ENGINE.engine(), runId)).hasSize(1);
      assertThat(Leftovers.volumes(ENGINE.engine(), runId)).hasSize(1);

      tmux.press("q");

      assertThat(tmux.awaitExit()).isEqualTo(ExitCode.OK);
      assertThat(tmux.screen()).contains("Removed container").contains("Removed volume");
      assertNothingLeft(runId);
      assertLineEditingRestored(tmux);
    }
  }

  @Test
  void autoAdvancesByItselfAndNoColorIsHonoured(@TempDir Path dir) throws Exception {
    try (Tmux tmux =
        Tmux.start(dir, Map.of("NO_COLOR", "1"), "run-lab", "ephemeral", "--step", "--auto", "1")) {
      assertThat(tmux.awaitExit()).as(tmux.screen()).isEqualTo(ExitCode.OK);

      assertThat(tmux.screen()).contains("Step 9/9 · Read the notes back").contains("As expected.");
      assertThat(tmux.screenWithEscapes()).doesNotContain(ESC);
      assertNothingLeft(runId(tmux.screen()));
    }
  }

  @Test
  void withoutATerminalTheStepsRunWithoutWaitingAndCarryNoEscapeCodes(@TempDir Path dir)
      throws Exception {
    Path output = dir.resolve("out.txt");
    int code = VlabProcess.run(Map.of(), output, "run-lab", "ephemeral", "--step");

    String out = Files.readString(output);
    assertThat(code).as(out).isEqualTo(ExitCode.OK);
    assertThat(out)
        .contains("Part 1 of 1: No volume (ephemeral)")
        .contains("Step 2/9 · Start the app")
        .contains("    $ docker run -d --name ")
        .contains("  > POST /notes answered 201: {\"saved\"")
        .contains("As expected.")
        .doesNotContain("Enter runs it")
        .doesNotContain(ESC)
        .doesNotContain("\r");
    assertNothingLeft(runId(out));
  }

  @Test
  void theMainRunPipedShowsPlainLinesOnly(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out.txt");
    int code = VlabProcess.run(Map.of(), output, "run-lab", "ephemeral");

    String out = Files.readString(output);
    assertThat(code).as(out).isEqualTo(ExitCode.OK);
    assertThat(out).contains("[ephemeral] No volume").doesNotContain(ESC).doesNotContain("\r");
  }

  private static void pressEnterAt(Tmux tmux, String text) {
    tmux.awaitPrompt(text);
    tmux.press("Enter");
  }

  private static String runId(String screen) {
    Matcher id = RUN_ID.matcher(screen);
    assertThat(id.find()).as(screen).isTrue();
    return id.group(1);
  }

  /** The container the screen named runs with the shown port and volume, labelled as this run's. */
  private static void assertRunsAsShown(String name, int port, String volume, String runId) {
    InspectContainerResponse container = ENGINE.engine().inspectContainer(name).orElseThrow();
    assertThat(Labels.belongsTo(container.getConfig().getLabels(), runId)).isTrue();
    Ports.Binding[] bindings =
        container.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(3000));
    assertThat(bindings).hasSize(1);
    assertThat(bindings[0].getHostIp()).isEqualTo("127.0.0.1");
    assertThat(bindings[0].getHostPortSpec()).isEqualTo(String.valueOf(port));
    assertThat(container.getMounts())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getName()).isEqualTo(volume);
              assertThat(m.getDestination().getPath()).isEqualTo("/data");
            });
  }

  private static void assertNothingLeft(String runId) {
    assertThat(Leftovers.containers(ENGINE.engine(), runId)).isEmpty();
    assertThat(Leftovers.volumes(ENGINE.engine(), runId)).isEmpty();
    assertThat(Workspace.defaultRoot().resolve("runs").resolve(runId)).doesNotExist();
  }

  private static void assertLineEditingRestored(Tmux tmux) throws Exception {
    assertThat(tmux.terminalAfterExit())
        .containsPattern("(^|\\s)icanon")
        .containsPattern("(^|\\s)echo\\b");
  }
}
