package dev.vlab.exercise;

import static dev.vlab.testing.Verdict.assertFailed;
import static dev.vlab.testing.Verdict.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vlab.ExitCode;
import dev.vlab.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Exercise 5 on the real engine: vlab breaks demo4 one of two ways; the student mends it. */
class FixBrokenExerciseTest extends StudentTestBase {
  @Test
  void aVolumeAtTheWrongPathIsFoundAndMendedByRunningDemo4Again() throws Exception {
    start("wrong-path");

    assertFailed(
        student.check("fix-broken"),
        "wrong-target",
        "volume " + student.name("fixvol") + " on /app/data",
        "-v " + student.name("fixvol") + ":/data");

    student.docker("rm", "-f", student.name("demo4"));
    runDemo4();
    assertFailed(student.check("fix-broken"), "written", "saves notes now");
    student.docker("rm", "-f", student.name("demo4"));
    runDemo4();

    assertPassed(student.check("fix-broken"));
  }

  @Test
  void aFolderTheAppCannotWriteIsMendedOnTheHost() throws Exception {
    start("not-writable");
    Path folder = student.folder("locked-data");

    assertFailed(
        student.check("fix-broken"),
        "not-writable",
        "The folder " + folder + " is owned by uid",
        "mode 0555",
        "chmod 777 " + folder);

    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertFailed(student.check("fix-broken"), "written");
    String mounts =
        student.docker("inspect", "--format", "{{json .Mounts}}", student.name("demo4"));
    student.docker("rm", "-f", student.name("demo4"));
    student.run("demo4", "-p", "3000", "-v", folder + ":/data");

    assertPassed(student.check("fix-broken"));
    assertThat(mounts).contains(folder.toString());
  }

  @Test
  void startingAgainReplacesOnlyWhatVlabMadeNeverTheStudentsOwnDemo4() throws Exception {
    start("wrong-path");
    start("wrong-path");
    student.docker("rm", "-f", student.name("demo4"));
    runDemo4();
    String own = student.snapshot("demo4");

    CliRun again = student.vlab("exercise", "start", "fix-broken", "--variant", "wrong-path");

    assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(again.err())
        .contains("named " + student.name("demo4") + " is there", "docker rm -f");
    assertThat(student.snapshot("demo4")).isEqualTo(own);
  }

  private void start(String variant) {
    CliRun run = student.vlab("exercise", "start", "fix-broken", "--variant", variant);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("vlab check fix-broken");
  }

  private void runDemo4() {
    student.run("demo4", "-p", "3000", "-v", student.name("fixvol") + ":/data");
  }
}
