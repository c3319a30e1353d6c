package dev.vlab.exercise;

import static dev.vlab.testing.Verdict.assertFailed;
import static dev.vlab.testing.Verdict.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * Exercise 3 on the real engine: a student mounts their ./data folder on demo2, right and wrong.
 */
class BindMountExerciseTest extends StudentTestBase {
  @Test
  void theRightWayWithDashVPassesAndTheNoteIsAFileOnTheHost() throws Exception {
    Path data = makeFolder("data", "rwxrwxrwx");
    student.run("demo2", "-p", "3000", "-v", data + ":/data");
    String folder = student.folderSnapshot("data");

    JsonNode first = student.check("bind-mount");

    String hint = assertFailed(first, "written", "Now remove " + student.name("demo2"));
    String note =
        hint.substring(hint.indexOf('\'') + 1, hint.indexOf('\'', hint.indexOf('\'') + 1));
    assertThat(Files.readAllLines(data.resolve("notes.txt"))).contains(note);
    student.docker("rm", "-f", student.name("demo2"));
    student.run("demo2", "-p", "3000", "-v", data + ":/data");

    assertPassed(student.check("bind-mount"));
    assertThat(student.folderSnapshot("data")).isEqualTo(folder);
  }

  @Test
  void mountWithAnotherHostPortAndAFolderGivenToUid1000IsAsGood() throws Exception {
    Path data = makeFolder("data", "rwxr-xr-x");
    Files.setAttribute(data, "unix:uid", 1000);
    String mount = "type=bind,source=" + data + ",target=/data";
    student.run("demo2", "-p", "127.0.0.1::3000", "--mount", mount);

    assertFailed(student.check("bind-mount"), "written");
    student.docker("rm", "-f", student.name("demo2"));
    student.run("demo2", "-p", "127.0.0.1::3000", "--mount", mount);

    assertPassed(student.check("bind-mount"));
  }

  @Test
  void aSourceWithoutASlashMadeANamedVolumeAndTheHintSaysSo() throws Exception {
    student.run("demo2", "-p", "3000", "-v", student.name("data") + ":/data");
    String before = student.snapshot("demo2");

    assertFailed(
        student.check("bind-mount"),
        "volume-not-bind",
        "made a named volume called " + student.name("data") + ", not a bind mount",
        "$(pwd)/" + student.name("data"));
    assertThat(student.snapshot("demo2")).isEqualTo(before);
    assertThat(student.volumeSnapshot("data")).startsWith(student.name("data"));
  }

  @Test
  void aFolderThatDidNotExistWasMadeByTheEngineForRoot() throws Exception {
    student.run("demo2", "-p", "3000", "-v", student.folder("data") + ":/data");

    assertFailed(
        student.check("bind-mount"),
        "engine-created",
        "did not exist",
        "owned by root (uid 0, mode 0755)",
        "sudo chown 1000 " + student.folder("data"));
  }

  @Test
  void aFolderUid1000MayNotWriteIsNamedWithTheAppsOwnComplaint() throws Exception {
    Path data = makeFolder("data", "rwxr-xr-x");
    Files.setAttribute(data, "unix:uid", 4242);
    student.run("demo2", "-p", "3000", "-v", data + ":/data");
    // The student tries the app first, as the task says, and gets an error.
    assertThat(student.addNote("demo2", "will it save?")).isEqualTo(500);
    String folder = student.folderSnapshot("data");

    assertFailed(
        student.check("bind-mount"),
        "not-writable",
        "owned by uid 4242 with mode 0755",
        "runs as uid 1000",
        "docker logs "
            + student.name("demo2")
            + "' shows: notes-app: ERROR cannot write"
            + " /data/notes.txt: permission denied");
    assertThat(student.folderSnapshot("data")).isEqualTo(folder);
  }

  @Test
  void aFolderMountedAtTheWrongPathIsFoundWhereItIs() throws Exception {
    Path data = makeFolder("data", "rwxrwxrwx");
    student.run("demo2", "-p", "3000", "-v", data + ":/app/data");

    assertFailed(
        student.check("bind-mount"),
        "wrong-target",
        "mounted at /app/data",
        "the app writes /data");
  }

  @Test
  void aNewDemo2OnAnotherFolderHasLostTheNote() throws Exception {
    Path data = makeFolder("data", "rwxrwxrwx");
    student.run("demo2", "-p", "3000", "-v", data + ":/data");
    assertFailed(student.check("bind-mount"), "written");
    student.docker("rm", "-f", student.name("demo2"));
    Path other = makeFolder("other", "rwxrwxrwx");
    student.run("demo2", "-p", "3000", "-v", other + ":/data");

    assertFailed(
        student.check("bind-mount"),
        "lost",
        "The earlier one had host folder " + data + " on /data",
        "this one has host folder " + other + " on /data");
  }

  private Path makeFolder(String name, String mode) throws Exception {
    Path folder = Files.createDirectory(student.folder(name));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(mode));
    return folder;
  }
}
