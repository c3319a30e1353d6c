package dev.vlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlab.Bundled;
import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabLoader;
import dev.vlab.testing.CliRun;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.TestEngine;
import dev.vlab.testing.VlabProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios side by side: the same verdicts as one after another, and nothing shared. */
class ParallelRunTest {
  private static final List<Lab> LABS = LabLoader.load(Bundled.folder("labs"), "labs").labs();

  /** What identifies a scenario's engine objects and folders in the commands it reports. */
  private static final Map<String, Pattern> RESOURCES =
      Map.of(
          "container name", Pattern.compile("docker run -d --name (\\S+)"),
          "host folder", Pattern.compile("^mkdir (\\S+|'[^']+')"),
          "volume", Pattern.compile("^docker volume create (\\S+)"),
          "port", Pattern.compile("^curl .*http://127\\.0\\.0\\.1:(\\d+)/"));

  private static Engine engine;
  private static String image;

  @BeforeAll
  static void engine() {
    engine = TestEngine.connect();
    image = TestEngine.demoImage(engine).name();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aParallelRunGivesTheSerialRunsVerdictsInTheLabsOrderAndWholeProgressLines()
      throws Exception {
    CliRun serial = CliRun.of("run-lab", "all", "--parallel", "1", "--json");
    CliRun parallel =
        CliRun.of("run-lab", "all", "--parallel", String.valueOf(LABS.size()), "--json");

    assertThat(serial.exitCode()).as(serial.err()).isEqualTo(ExitCode.OK);
    assertThat(parallel.exitCode()).as(parallel.err()).isEqualTo(ExitCode.OK);
    JsonNode serialReport = new ObjectMapper().readTree(serial.out());
    JsonNode parallelReport = new ObjectMapper().readTree(parallel.out());
    assertThat(verdicts(parallelReport)).isEqualTo(verdicts(serialReport));
    assertThat(verdicts(parallelReport))
        .extracting(v -> v.split(" ")[0])
        .containsExactlyElementsOf(LABS.stream().map(Lab::id).toList());
    assertWholeProgressLines(parallel.err());
    for (JsonNode report : List.of(serialReport, parallelReport)) {
      String runId = report.get("runId").asText();
      assertThat(Leftovers.containers(engine, runId)).isEmpty();
      assertThat(Leftovers.volumes(engine, runId)).isEmpty();
    }
  }

  @Test
  void scenariosRunningAtOnceNeverShareANameFolderVolumeOrPort() {
    String runId = RunContext.newRunId();
    RunContext run =
        new RunContext(
            runId,
            engine,
            image,
            new Workspace(Workspace.defaultRoot(), runId),
            new Resources(),
            Duration.ofSeconds(60),
            RunContext.DEFAULT_PUBLISH_ADDRESS,
            line -> {});
    AllAtOnce allAtOnce = new AllAtOnce(LABS.size());
    List<ScenarioResult> results;
    try (ParallelScenarios scenarios = new ParallelScenarios(LABS.size())) {
      results = scenarios.run(LABS, new ScenarioRunner(run, allAtOnce)::run);
    } finally {
      run.resources().removeAll(engine, runId, run.workspace());
    }

    assertThat(allAtOnce.failures).as("every scenario was under way at once").isEmpty();
    assertThat(results).allSatisfy(r -> assertThat(r.asExpected()).as(r.toString()).isTrue());
    Map<String, String> owners = new HashMap<>();
    for (ScenarioResult result : results) {
      Set<String> own = resources(result.commands());
      assertThat(own)
          .as(result.id() + " shows its container's name and port")
          .anyMatch(r -> r.startsWith("container name "))
          .anyMatch(r -> r.startsWith("port "));
      for (String resource : own) {
        String other = owners.putIfAbsent(resource, result.id());
        assertThat(other).as(resource + " of " + result.id() + " is also used by").isNull();
      }
    }
    assertThat(owners.keySet()).anyMatch(r -> r.startsWith("host folder "));
    assertThat(owners.keySet()).anyMatch(r -> r.startsWith("volume "));
  }

  @Test
  void stoppingARunWhileScenariosRunAtOnceLeavesNothingBehind(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out.txt");
    Process vlab =
        VlabProcess.start(
            Map.of(), output, "run-lab", "all", "--parallel", String.valueOf(LABS.size()));
    try {
      await("a scenario's app to answer")
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> Files.readString(output).contains(" answers on port "));
    } finally {
      vlab.destroy(); // SIGTERM, as for Ctrl-C: the clean-up hook runs
      vlab.waitFor();
    }

    String log = Files.readString(output);
    Matcher name = Pattern.compile("vlab-([0-9a-f]{6})-").matcher(log);
    assertThat(name.find()).as(log).isTrue();
    String runId = name.group(1);
    assertThat(Leftovers.containers(engine, runId)).as(log).isEmpty();
    assertThat(Leftovers.volumes(engine, runId)).as(log).isEmpty();
    assertThat(Workspace.defaultRoot().resolve("runs").resolve(runId)).doesNotExist();
    assertThat(log).contains("Removed container vlab-" + runId).doesNotContain("Exception");
  }

  /**
   * Lines of scenarios running at once may alternate, but each is one of the known lines, whole.
   */
  private static void assertWholeProgressLines(String err) {
    String ids = LABS.stream().map(Lab::id).collect(Collectors.joining("|"));
    List<Pattern> known = new ArrayList<>();
    known.add(Pattern.compile("(Engine at |Image |Building image |Built image ).+"));
    known.add(Pattern.compile("Removed (container|volume) vlab-[0-9a-f]{6}-(" + ids + ")[\\w-]*"));
    known.add(Pattern.compile("Removed folder /\\S+"));
    for (Lab lab : LABS) {
      String prefix = Pattern.quote("[" + lab.id() + "] ");
      known.add(Pattern.compile(prefix + Pattern.quote(lab.title())));
      known.add(Pattern.compile(prefix + "behaved as expected"));
      known.add(
          Pattern.compile(
              prefix
                  + "(first|new) container vlab-[0-9a-f]{6}-"
                  + lab.id()
                  + " answers on port \\d+"));
    }
    List<String> lines = err.lines().toList();
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(known.stream().anyMatch(p -> p.matcher(line).matches()))
                    .as("a whole progress line: " + line)
                    .isTrue());
    for (Lab lab : LABS) {
      assertThat(lines).contains("[" + lab.id() + "] behaved as expected");
      assertThat(lines)
          .filteredOn(l -> l.startsWith("[" + lab.id() + "] ") && l.contains(" answers on port "))
          .hasSize(2);
    }
  }

  /** Each scenario's resources, as "kind value", from the docker commands it reports. */
  private static Set<String> resources(List<String> commands) {
    Set<String> found = new HashSet<>();
    for (String command : commands) {
      RESOURCES.forEach(
          (kind, pattern) -> {
            Matcher m = pattern.matcher(command);
            if (m.find()) {
              found.add(kind + " " + m.group(1));
            }
          });
    }
    return found;
  }

  private static List<String> verdicts(JsonNode report) {
    List<String> verdicts = new ArrayList<>();
    report
        .get("scenarios")
        .forEach(
            s ->
                verdicts.add(
                    s.get("id").asText()
                        + " write="
                        + s.get("writeSucceeded").asBoolean()
                        + " survived="
                        + s.get("survived").asBoolean()
                        + " asExpected="
                        + s.get("asExpected").asBoolean()
                        + " error="
                        + !s.get("error").isNull()));
    return verdicts;
  }

  /**
   * Holds each scenario at its first step until every scenario has reached its own: proof that they
   * were all under way at the same time. Run one after another, the first would wait alone.
   */
  private static final class AllAtOnce implements StepObserver {
    private final CountDownLatch arrived;
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    AllAtOnce(int scenarios) {
      this.arrived = new CountDownLatch(scenarios);
    }

    @Override
    public Decision before(Step step) {
      String labId = step.labId();
      String command = step.command();
      if (!started.add(labId)) {
        return Decision.RUN;
      }
      arrived.countDown();
      try {
        if (!arrived.await(60, TimeUnit.SECONDS)) {
          failures.add(labId + " waited alone at: " + command);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(labId + " was interrupted");
      }
      return Decision.RUN;
    }
  }
}
