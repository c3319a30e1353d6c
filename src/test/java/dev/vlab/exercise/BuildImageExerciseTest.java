package dev.vlab.exercise;

import static dev.vlab.testing.Verdict.assertFailed;
import static dev.vlab.testing.Verdict.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vlab.engine.Engine;
import dev.vlab.testing.Student;
import dev.vlab.testing.TestEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercise 1 on the real engine. With no registry here, the student's builds start FROM the demo
 * image vlab built (no pull), and tag the result with the student's own image name.
 */
class BuildImageExerciseTest {
  private static Engine engine;

  @TempDir Path home;
  private Student student;

  @BeforeAll
  static void engine() {
    engine = TestEngine.connect();
    TestEngine.demoImage(engine);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void student() {
    student = new Student(home);
  }

  @AfterEach
  void cleanUp() {
    student.close();
  }

  @Test
  void theImageBuiltUnderItsNamePassesAndTheTrialContainerIsGone() throws Exception {
    build("volume-demo", "FROM volume-demo\n");

    assertPassed(check());
    assertThat(trialContainers()).isEmpty();
  }

  @Test
  void anImageBuiltUnderAnotherNameIsFoundAndNamed() throws Exception {
    build("volumedemo", "FROM volume-demo\n");

    assertFailed(
        check(),
        "misnamed",
        "no image called " + student.name("volume-demo"),
        student.name("volumedemo") + ":latest",
        "docker tag");
  }

  @Test
  void anAppThatListensElsewhereIsCaughtWithItsOwnLogLine() throws Exception {
    build("volume-demo", "FROM volume-demo\nENV PORT=8080\n");

    assertFailed(check(), "no-answer", "nothing answers on port 3000", "listening on port 8080");
    assertThat(trialContainers()).isEmpty();
  }

  @Test
  void anImageWhoseContainerStopsAtOnceSaysSo() throws Exception {
    build("volume-demo", "FROM volume-demo\nENTRYPOINT [\"/opt/java/bin/java\", \"-version\"]\n");

    assertFailed(check(), "exits", "stops as soon as it starts", "version");
    assertThat(trialContainers()).isEmpty();
  }

  private void build(String name, String dockerfile) {
    student.dockerWithInput(dockerfile, "build", "-q", "-t", student.name(name), "-");
  }

  private com.fasterxml.jackson.databind.JsonNode check() throws Exception {
    return student.check("build-image", "--image", student.name("volume-demo"), "--timeout", "5");
  }

  /** The containers the check ran to try the student's image; it must remove them itself. */
  private String trialContainers() {
    return student.docker("ps", "-aq", "--filter", "name=-trying-" + student.name("volume-demo"));
  }
}
