package dev.vlab.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vlab.Bundled;
import dev.vlab.ExitCode;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabLoader;
import dev.vlab.lab.LabStep;
import dev.vlab.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handout runs nothing, so these need no engine. */
class HandoutTest {
  /** The commands a student types in each lab, written out here as the workshop teaches them. */
  private static final Map<String, List<String>> COMMANDS =
      Map.of(
          "ephemeral",
          List.of(
              "docker run -d --name demo1 -p 127.0.0.1:3000:3000 volume-demo",
              "docker inspect --format '{{json .Mounts}}' demo1",
              "curl -X POST --data 'hello from demo1' http://127.0.0.1:3000/notes",
              "docker logs demo1",
              "docker diff demo1",
              "docker rm -f demo1",
              "curl http://127.0.0.1:3000/notes"),
          "bind-mount",
          List.of(
              "mkdir \"$PWD\"/notes-folder && chmod 0777 \"$PWD\"/notes-folder",
              "docker run -d --name demo2 -p 127.0.0.1:3000:3000 -v \"$PWD\"/notes-folder:/data"
                  + " volume-demo",
              "cat \"$PWD\"/notes-folder/notes.txt",
              "stat -c '%a %u' \"$PWD\"/notes-folder"),
          "named-volume",
          List.of(
              "docker volume create notesvol",
              "docker run -d --name demo3 -p 127.0.0.1:3000:3000 -v notesvol:/data volume-demo",
              "docker rm -f demo3",
              "docker volume inspect notesvol",
              "docker volume rm notesvol"),
          "wrong-mount-path",
          List.of(
              "docker run -d --name demo4 -p 127.0.0.1:3000:3000 -v notesvol:/app/data"
                  + " volume-demo",
              "docker inspect --format '{{json .Mounts}}' demo4",
              "docker diff demo4"),
          "permission-failure",
          List.of(
              "mkdir \"$PWD\"/locked-folder && chmod 0555 \"$PWD\"/locked-folder",
              "docker logs demo5",
              "stat -c '%a %u' \"$PWD\"/locked-folder"));

  private final List<Lab> labs = LabLoader.load(Bundled.folder("labs"), "labs").labs();

  @Test
  void theHandoutOfEachLabHasEveryStepsTextAndCommand() {
    for (Lab lab : labs) {
      CliRun run = CliRun.of("handout", lab.id());

      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).as(lab.id()).contains("$ docker build -t volume-demo demo-app");
      COMMANDS.get(lab.id()).forEach(c -> assertThat(run.out()).as(lab.id()).contains("$ " + c));
      for (LabStep step : lab.plan()) {
        assertThat(run.out())
            .as(lab.id() + " " + step.key())
            .contains(step.title())
            .contains(StepScreen.wrap(lab.stepText(step), 78).get(0));
      }
      assertThat(run.out()).as(lab.id()).contains("You should see:").contains("Lesson:");
    }
  }

  @Test
  void theWholeHandoutIsNumberedAsStepModeNumbersIt() {
    CliRun run = CliRun.of("handout");

    Agenda agenda = new Agenda(labs);
    for (Agenda.Entry entry : agenda.entries()) {
      String title = entry.kind() == null ? "Build the image" : entry.kind().title();
      assertThat(run.out()).contains("Step " + entry.number() + " · " + title);
    }
    assertThat(run.out()).doesNotContain("Step " + (agenda.total() + 1) + " ");
    assertThat(run.out()).contains("Part 5 of 5: Host folder the app cannot write");
  }

  @Test
  void whatAStudentShouldSeeFollowsWhatTheLabExpects() {
    String ephemeral = CliRun.of("handout", "ephemeral").out();
    String named = CliRun.of("handout", "named-volume").out();
    String locked = CliRun.of("handout", "permission-failure").out();

    assertThat(ephemeral).contains("{\"notes\":[]}").contains("is NOT a mount point");
    assertThat(named).contains("{\"notes\":[\"hello from demo3\"]}");
    assertThat(locked).contains("permission denied").contains("555 and your own uid");
  }

  @Test
  void markdownSetsCommandsInShellBlocks() {
    CliRun run = CliRun.of("handout", "named-volume", "--format", "markdown");

    assertThat(run.out())
        .startsWith("# Docker volumes workshop")
        .contains("## Part 1 of 1: Named volume on /data (named-volume)")
        .contains("### Step 2 · Create the volume")
        .contains("```sh\ndocker volume create notesvol\n```")
        .contains("*You should see:*");
  }

  @Test
  void aLabWithoutStepTextsIsNamedWithItsFile(@TempDir Path dir) throws Exception {
    String lab =
        Files.readString(Bundled.folder("labs").resolve("01-ephemeral.yaml"))
            .replaceAll("(?s)\nsteps:.*", "\n");
    Files.writeString(dir.resolve("01-ephemeral.yaml"), lab);

    CliRun run = CliRun.of("handout", "--labs", dir.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains(dir + "/01-ephemeral.yaml:1: steps: missing")
        .contains("run, mounts, write, logs, diff, remove, rerun, read");
  }

  @Test
  void anUnknownLabOrFormatIsAUsageError() {
    assertThat(CliRun.of("handout", "nope").exitCode()).isEqualTo(ExitCode.USAGE);
    CliRun format = CliRun.of("handout", "--format", "pdf");
    assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(format.err()).contains("'pdf' is not a handout format");
  }
}
