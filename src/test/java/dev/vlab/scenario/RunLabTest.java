package dev.vlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlab.Bundled;
import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.testing.CliRun;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The main job, end to end: the five scenarios on the real engine with the real demo image. */
class RunLabTest {
  @RegisterExtension static final RealEngine ENGINE = new RealEngine();

  private static Engine engine() {
    return ENGINE.get();
  }

  @Test
  void allFiveScenariosBehaveAsTheWorkshopTeachesAndLeaveNothingBehind() throws Exception {
    CliRun run = CliRun.of("run-lab", "all", "--json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    JsonNode report = new ObjectMapper().readTree(run.out());
    Map<String, JsonNode> byId = new HashMap<>();
    report.get("scenarios").forEach(s -> byId.put(s.get("id").asText(), s));
    assertThat(byId)
        .containsOnlyKeys(
            "ephemeral", "bind-mount", "named-volume", "wrong-mount-path", "permission-failure");

    assertOutcome(byId.get("ephemeral"), true, false);
    assertOutcome(byId.get("bind-mount"), true, true);
    assertOutcome(byId.get("named-volume"), true, true);
    assertOutcome(byId.get("wrong-mount-path"), true, false);
    assertOutcome(byId.get("permission-failure"), false, false);

    assertThat(evidence(byId.get("bind-mount"))).contains("notes.txt holds: note from vlab run");
    assertThat(evidence(byId.get("named-volume")))
        .contains("driver local")
        .contains("holds notes.txt");
    assertThat(evidence(byId.get("wrong-mount-path")))
        .contains("A /data/notes.txt")
        .contains("/data is NOT a mount point")
        .contains("(on /app/data) is empty");
    assertThat(evidence(byId.get("permission-failure")))
        .contains("answered 500")
        .contains("ERROR cannot write /data/notes.txt: permission denied")
        .contains("mode 0555")
        .contains("the app runs as 1000");

    String runId = report.get("runId").asText();
    assertThat(Leftovers.containers(engine(), runId)).isEmpty();
    assertThat(Leftovers.volumes(engine(), runId)).isEmpty();
    assertThat(Workspace.defaultRoot().resolve("runs").resolve(runId)).doesNotExist();
  }

  @Test
  void aScenarioThatSurprisesItsLabFileExitsWith1AndSaysSo(@TempDir Path labs) throws Exception {
    // The ephemeral lab, wrongly claiming the note survives: the verdict must catch it.
    String lab =
        Files.readString(Bundled.folder("labs").resolve("01-ephemeral.yaml"))
            .replace("dataSurvives: false", "dataSurvives: true");
    Files.writeString(labs.resolve("claims-survival.yaml"), lab);

    CliRun run = CliRun.of("run-lab", "ephemeral", "--labs", labs.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_AS_EXPECTED);
    assertThat(run.out()).contains("NOT as expected").contains("The note outlived a container");
  }

  @Test
  void keepLeavesTheRunForInspection() throws Exception {
    CliRun run = CliRun.of("run-lab", "named-volume", "--keep", "--json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    String runId = new ObjectMapper().readTree(run.out()).get("runId").asText();
    try {
      assertThat(Leftovers.containers(engine(), runId)).hasSize(1);
      assertThat(Leftovers.volumes(engine(), runId)).hasSize(1);
      assertThat(run.err()).contains("Kept for inspection");
    } finally {
      Leftovers.containers(engine(), runId).forEach(engine()::removeContainer);
      Leftovers.volumes(engine(), runId).forEach(engine()::removeVolume);
    }
  }

  private static void assertOutcome(JsonNode scenario, boolean write, boolean survived) {
    assertThat(scenario.get("writeSucceeded").asBoolean()).as(scenario.toString()).isEqualTo(write);
    assertThat(scenario.get("survived").asBoolean()).as(scenario.toString()).isEqualTo(survived);
    assertThat(scenario.get("asExpected").asBoolean()).as(scenario.toString()).isTrue();
    assertThat(scenario.get("explanation").asText()).isNotBlank();
  }

  private static String evidence(JsonNode scenario) {
    return scenario.get("evidence").toString();
  }
}
