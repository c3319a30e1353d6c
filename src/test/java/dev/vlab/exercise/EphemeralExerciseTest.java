package dev.vlab.exercise;

import static dev.vlab.testing.Verdict.assertFailed;
import static dev.vlab.testing.Verdict.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Exercise 2 on the real engine: a student runs demo1 with no volume, right and wrong. */
class EphemeralExerciseTest extends StudentTestBase {
  @Test
  void theRightWayPassesOnceTheStudentHasRemovedAndRunDemo1Again() throws Exception {
    student.run("demo1", "-p", "3000");
    assertThat(student.addNote("demo1", "my first note")).isEqualTo(201);
    String before = student.snapshot("demo1");

    JsonNode first = student.check("ephemeral");

    assertFailed(first, "written", "Now remove " + student.name("demo1"), "check again");
    assertThat(student.snapshot("demo1")).isEqualTo(before);

    student.docker("rm", "-f", student.name("demo1"));
    student.run("demo1", "-p", "3000");
    String after = student.snapshot("demo1");

    JsonNode second = student.check("ephemeral");

    assertPassed(second);
    assertThat(second.get("question").asText()).contains("Why?");
    assertThat(student.snapshot("demo1")).isEqualTo(after);
    assertThat(student.vlab("exercise", "list").out()).contains("[x] ephemeral");
  }

  @Test
  void aRestartIsNotARemovalAndTheHintSaysSo() throws Exception {
    student.run("demo1", "-p", "3000");
    assertFailed(student.check("ephemeral"), "written");

    student.docker("restart", student.name("demo1"));

    assertFailed(
        student.check("ephemeral"),
        "not-recreated",
        "was not removed and run again",
        "docker rm -f");
  }

  @Test
  void aVolumeOnDemo1IsNotWhatThisExerciseAsksFor() throws Exception {
    student.run("demo1", "-p", "3000", "-v", student.name("notes") + ":/data");

    assertFailed(
        student.check("ephemeral"),
        "mounted",
        "volume " + student.name("notes") + " on /data",
        "without -v or --mount");
    assertThat(student.docker("volume", "ls", "-q")).contains(student.name("notes"));
  }

  @Test
  void aContainerWhosePortIsNotPublishedGetsTheHintToPublishIt() throws Exception {
    student.run("demo1");

    assertFailed(
        student.check("ephemeral"), "not-published", "port 3000 is not published", "-p 3000:3000");
  }

  @Test
  void publishingTheWrongContainerPortIsExplained() throws Exception {
    // -p HOST:80 where the app listens on 3000: a host port goes to a port nobody listens on.
    student.run("demo1", "-p", "80");

    assertFailed(
        student.check("ephemeral"), "wrong-port", "to container port 80", "second number of -p");
  }

  @Test
  void aStoppedOrMissingContainerIsNamed() throws Exception {
    assertFailed(student.check("ephemeral"), "missing", "no container " + student.name("demo1"));

    student.run("demo1", "-p", "3000");
    student.docker("stop", "-t", "1", student.name("demo1"));

    assertFailed(student.check("ephemeral"), "not-running", "exited", "docker rm -f");
    assertThat(student.snapshot("demo1")).contains("exited");
  }

  @Test
  void aContainerOfAnotherImageIsNamedByTheImageTheStudentTyped() throws Exception {
    student.dockerWithInput(
        "FROM volume-demo\nLABEL course=another\n",
        "build",
        "-q",
        "-t",
        student.name("other"),
        "-");
    student.docker(
        "run", "-d", "--name", student.name("demo1"), "-p", "3000", student.name("other"));

    assertFailed(
        student.check("ephemeral"),
        "wrong-image",
        "runs " + student.name("other") + ", not volume-demo",
        "docker rm -f " + student.name("demo1"));
  }
}
