package dev.vlab.exercise;

import static dev.vlab.testing.Verdict.assertFailed;
import static dev.vlab.testing.Verdict.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Exercise 4 on the real engine: a student mounts the volume notesvol on demo3, right and wrong.
 */
class NamedVolumeExerciseTest extends StudentTestBase {
  @Test
  void theRightWayPassesOnceTheStudentSaysWhereTheVolumeLives() throws Exception {
    student.docker("volume", "create", student.name("notesvol"));
    String volume = student.volumeSnapshot("notesvol");
    String mount = "source=" + student.name("notesvol") + ",target=/data";
    student.run("demo3", "-p", "3000", "--mount", mount);

    assertFailed(student.check("named-volume"), "written", "Now remove " + student.name("demo3"));
    student.docker("rm", "-f", student.name("demo3"));
    student.run("demo3", "-p", "3000", "-v", student.name("notesvol") + ":/data");

    assertFailed(
        student.check("named-volume"),
        "unanswered",
        "docker volume inspect " + student.name("notesvol"),
        "--answer");
    assertFailed(
        student.check("named-volume", "--answer", "/home/me/notesvol"),
        "wrong",
        "'/home/me/notesvol' is not where the engine keeps " + student.name("notesvol"));

    String mountpoint =
        student.docker(
            "volume", "inspect", "--format", "{{.Mountpoint}}", student.name("notesvol"));
    assertPassed(student.check("named-volume", "--answer", mountpoint));
    assertPassed(student.check("named-volume"));
    assertThat(student.volumeSnapshot("notesvol")).isEqualTo(volume);
    assertThat(Files.readString(home.resolve("vlab-state.json"))).contains(mountpoint);
  }

  @Test
  void aVolumeThatDemo3DoesNotUseIsPointedOut() throws Exception {
    student.docker("volume", "create", student.name("notesvol"));
    student.run("demo3", "-p", "3000");

    assertFailed(
        student.check("named-volume"),
        "volume-unused",
        student.name("notesvol") + " exists, but " + student.name("demo3") + " does not use it",
        "-v " + student.name("notesvol") + ":/data");
  }

  @Test
  void noVolumeAtAllGetsTheHintToCreateOne() throws Exception {
    student.run("demo3", "-p", "3000");

    assertFailed(
        student.check("named-volume"), "none", "docker volume create " + student.name("notesvol"));
  }

  @Test
  void theVolumeAtAppDataIsMountedWhereTheAppDoesNotWrite() throws Exception {
    student.run("demo3", "-p", "3000", "-v", student.name("notesvol") + ":/app/data");
    String before = student.snapshot("demo3");

    assertFailed(
        student.check("named-volume"),
        "wrong-target",
        "volume " + student.name("notesvol") + " on /app/data",
        "the app writes /data");
    assertThat(student.snapshot("demo3")).isEqualTo(before);
  }

  @Test
  void anotherVolumeOrAHostFolderIsNotNotesvol() throws Exception {
    student.run("demo3", "-p", "3000", "-v", student.name("notes-vol") + ":/data");

    assertFailed(
        student.check("named-volume"),
        "other-volume",
        "volume " + student.name("notes-vol") + " on /data, not " + student.name("notesvol"));

    student.docker("rm", "-f", student.name("demo3"));
    Path folder = Files.createDirectory(student.folder("notesvol"));
    student.run("demo3", "-p", "3000", "-v", folder + ":/data");

    assertFailed(
        student.check("named-volume"), "bind-not-volume", "a host folder, not a named volume");
  }
}
