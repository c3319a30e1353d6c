package dev.vlab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.testing.CliRun;
import dev.vlab.testing.Student;
import dev.vlab.testing.TestEngine;
import dev.vlab.testing.VlabProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The command line of the exercises: reports for graders, and mistakes on the command line. */
class CheckCommandTest {
  @TempDir Path home;
  private Student student;

  @BeforeEach
  void student() {
    student = new Student(home);
  }

  @AfterEach
  void cleanUp() {
    student.close();
  }

  @Test
  void checkAllWritesJUnitXmlWithAFailurePerExerciseNotDone() throws Exception {
    // The demo image is there (the tests built it), so only build-image passes.
    try (Engine engine = TestEngine.connect()) {
      TestEngine.demoImage(engine);
    }
    Path xml = home.resolve("reports/results.xml");

    CliRun run = student.vlab("check", "--all", "--json", "--junit", xml.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_AS_EXPECTED);
    JsonNode exercises = new ObjectMapper().readTree(run.out()).get("exercises");
    assertThat(exercises).hasSize(5);
    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    NodeList suites = junit.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(5);
    assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(4);
    assertThat(((Element) suites.item(0)).getAttribute("failures")).isEqualTo("0");
    Element ephemeral = (Element) suites.item(1);
    assertThat(ephemeral.getAttribute("name")).isEqualTo("ephemeral");
    Element failure = (Element) ephemeral.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("missing");
    assertThat(failure.getAttribute("message")).contains("no container " + student.name("demo1"));
    assertThat(ephemeral.getElementsByTagName("skipped").getLength()).isEqualTo(3);
  }

  @Test
  void theTextReportGivesTheHintAndWhatWasNotChecked() {
    TestEngine.connect().close();

    CliRun run = student.vlab("check", "named-volume");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_AS_EXPECTED);
    assertThat(run.out())
        .contains("== named-volume: Keep the notes in a named volume ==")
        .contains("FAIL  " + student.name("demo3") + " is running the image volume-demo")
        .contains("hint:  There is no container " + student.name("demo3"))
        .contains("-     " + student.name("demo3") + " publishes port 3000")
        .contains("Not yet");
  }

  @Test
  void idsAndAllTogetherOrNeitherAreUsageErrors() {
    assertThat(student.vlab("check").exitCode()).isEqualTo(ExitCode.USAGE);
    CliRun both = student.vlab("check", "ephemeral", "--all");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(both.err()).contains("or give --all, not both");
    CliRun answers = student.vlab("check", "ephemeral", "named-volume", "--answer", "/x");
    assertThat(answers.exitCode()).isEqualTo(ExitCode.USAGE);
    CliRun unknown = student.vlab("check", "bind-mounts");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("There is no exercise 'bind-mounts'").contains("bind-mount");
  }

  @Test
  void checkExitsWith3WhenNoEngineAnswers() throws Exception {
    Path output = home.resolve("out.txt");

    int code =
        VlabProcess.run(
            Map.of("DOCKER_HOST", "unix://" + home.resolve("none.sock")),
            output,
            "check",
            "ephemeral",
            "--state",
            home.resolve("state.json").toString());

    assertThat(code).isEqualTo(ExitCode.ENGINE_UNREACHABLE);
    assertThat(Files.readString(output)).contains("No Docker engine answered");
  }

  @Test
  void listMarksNothingDoneForANewStudentAndShowGivesTheTask() throws Exception {
    CliRun list = student.vlab("exercise", "list", "--json");
    JsonNode rows = new ObjectMapper().readTree(list.out()).get("exercises");
    assertThat(rows).hasSize(5);
    rows.forEach(r -> assertThat(r.get("done").asBoolean()).isFalse());

    CliRun show = CliRun.of("exercise", "show", "named-volume");
    assertThat(show.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(show.out())
        .contains("docker volume create notesvol")
        .contains("-v notesvol:/data volume-demo")
        .contains("vlab check named-volume --answer")
        .contains("See it happen:   vlab run-lab named-volume");
  }

  @Test
  void startingAnExerciseThatNeedsNoSetupSaysWhatToDoInstead() {
    CliRun run = student.vlab("exercise", "start", "ephemeral");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains("needs nothing prepared")
        .contains("vlab exercise show ephemeral");
  }
}
