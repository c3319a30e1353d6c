package dev.vlab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlab.Bundled;
import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.scenario.Workspace;
import dev.vlab.testing.CliRun;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vlab exercise selftest} on the real engine: right from wrong, and nothing left over. */
class SelftestTest {
  private static Engine engine;

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
  void everyBundledExerciseFailsBeforeItsSolutionAndPassesAfterAndLeavesNothing() throws Exception {
    CliRun run = CliRun.of("exercise", "selftest", "--json");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
    List<JsonNode> results = results(run);
    assertThat(results)
        .extracting(r -> r.get("id").asText() + variant(r))
        .containsExactly(
            "build-image",
            "ephemeral",
            "bind-mount",
            "named-volume",
            "fix-broken[wrong-path]",
            "fix-broken[not-writable]");
    for (JsonNode result : results) {
      assertThat(result.get("ok").asBoolean()).as(result.toPrettyString()).isTrue();
      assertThat(result.get("before").get("passed").asBoolean()).isFalse();
      assertThat(result.get("after").get("passed").asBoolean()).isTrue();
      assertNothingLeft(result.get("runId").asText());
    }
    assertThat(results.get(0).get("removed").toString()).contains("image vlab-");
  }

  @Test
  void aSolutionThatMissesTheMarkIsReportedBroken(@TempDir Path labs) throws Exception {
    // The bind-mount exercise, with a reference solution that mounts the folder where the app
    // does not write: its check must catch that, and selftest must say the exercise is broken.
    Path exercises = Files.createDirectories(labs.resolve("exercises"));
    String wrong =
        Files.readString(Bundled.folder("labs").resolve("exercises/03-bind-mount.yaml"))
            .replace("target: /data", "target: /app/data");
    Files.writeString(exercises.resolve("bind-mount.yaml"), wrong);

    CliRun run = CliRun.of("exercise", "selftest", "--labs", labs.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_AS_EXPECTED);
    assertThat(run.out())
        .contains("== bind-mount: BROKEN ==")
        .contains("after the solution:  fails:")
        .contains("(wrong-target)")
        .contains("either the check or the solution is wrong");
  }

  @Test
  void aCheckThatPassesBeforeTheSolutionIsReportedBroken(@TempDir Path labs) throws Exception {
    Path exercises = Files.createDirectories(labs.resolve("exercises"));
    Files.writeString(
        exercises.resolve("too-easy.yaml"),
        """
        id: too-easy
        title: Its setup already does the task
        task: Run {demo1}.
        setup:
          done-already:
            - do: run
              container: demo1
        checks:
          - check: container
            container: demo1
            hints:
              missing: Run {demo1}.
              not-running: Start {demo1}.
              wrong-image: Use {volume-demo}.
        solution:
          - do: check
        """);

    CliRun run = CliRun.of("exercise", "selftest", "--labs", labs.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_AS_EXPECTED);
    JsonNode result = results(run).get(0);
    assertThat(result.get("ok").asBoolean()).isFalse();
    assertThat(result.get("before").get("passed").asBoolean()).isTrue();
    assertNothingLeft(result.get("runId").asText());
  }

  private static void assertNothingLeft(String runId) {
    assertThat(Leftovers.containers(engine, runId)).as(runId).isEmpty();
    assertThat(Leftovers.volumes(engine, runId)).as(runId).isEmpty();
    assertThat(engine.inspectImage("vlab-" + runId + "-volume-demo")).isEmpty();
    assertThat(Workspace.defaultRoot().resolve("runs").resolve(runId)).doesNotExist();
  }

  private static List<JsonNode> results(CliRun run) throws Exception {
    List<JsonNode> results = new ArrayList<>();
    new ObjectMapper().readTree(run.out()).get("selftests").forEach(results::add);
    return results;
  }

  private static String variant(JsonNode result) {
    return result.get("variant").isNull() ? "" : "[" + result.get("variant").asText() + "]";
  }
}
