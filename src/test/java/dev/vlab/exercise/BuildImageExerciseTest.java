package dev.vlab.exercise;

import static dev.vlab.testing.Verdict.assertFailed;
import static dev.vlab.testing.Verdict.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Exercise 1 on the real engine. With no registry here, the student's builds start FROM the demo
 * image vlab built (no pull), and tag the result with the student's own image name.
 */
class BuildImageExerciseTest extends StudentTestBase {
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
