package dev.vlab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vlab.Bundled;
import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading exercise files: the bundled ones, and the mistakes a course author can make. */
class ExerciseFilesTest {
  private static final String GOOD =
      """
      id: my-exercise
      title: An exercise
      task: Run {demo9} with {box} on /data.
      checks:
        - check: container
          container: demo9
          hints:
            missing: No {container}.
            not-running: "{container} is {state}."
            wrong-image: "{container} runs {found}."
        - check: mount
          container: demo9
          type: volume
          volume: box
          hints:
            none: None.
            wrong-target: At {mounted-at}.
            bind-not-volume: A folder.
            other-volume: "{source}, not {box}."
            volume-unused: "{volume} unused."
            read-only: Read-only.
      solution:
        - do: run
          container: demo9
          mounts:
            - type: volume
              source: box
              target: /data
      """;

  @Test
  void theBundledExercisesAreTheFiveOfTheWorkshopAndTeachExistingLabs() {
    ExerciseCatalog catalog =
        ExerciseLoader.load(Bundled.folder("labs").resolve("exercises"), "labs/exercises");
    List<String> labs =
        LabLoader.load(Bundled.folder("labs"), "labs").labs().stream().map(Lab::id).toList();

    assertThat(catalog.exercises())
        .extracting(Exercise::id)
        .containsExactly("build-image", "ephemeral", "bind-mount", "named-volume", "fix-broken");
    for (Exercise exercise : catalog.exercises()) {
      assertThat(exercise.lab() == null || labs.contains(exercise.lab()))
          .as(exercise.id())
          .isTrue();
    }
    assertThat(catalog.get("fix-broken").setup()).containsOnlyKeys("wrong-path", "not-writable");
  }

  @Test
  void theTaskIsShownInTheWorkshopsOwnNames() {
    Exercise exercise =
        ExerciseLoader.load(Bundled.folder("labs").resolve("exercises"), "labs/exercises")
            .get("bind-mount");

    String task = exercise.task(Names.workshop());

    assertThat(task)
        .contains("mkdir data && chmod 777 data")
        .contains("docker run -d --name demo2 -p 3000:3000 -v \"$(pwd)/data:/data\" volume-demo")
        .doesNotContain("{");
  }

  @Test
  void aGoodFileIsReadWithItsNamesAndPrefixedOnRequest() {
    Exercise exercise = ExerciseLoader.parse(GOOD, "x.yaml");

    assertThat(exercise.names())
        .containsEntry("demo9", NameKind.CONTAINER)
        .containsEntry("box", NameKind.VOLUME)
        .containsEntry("volume-demo", NameKind.IMAGE);
    assertThat(exercise.task(new Names("alice-", "volume-demo", Path.of("/tmp"))))
        .isEqualTo("Run alice-demo9 with alice-box on /data.");
  }

  @Test
  void aMissingHintIsNamedWithTheFindingsThatLackOne() {
    assertThatThrownBy(() -> parse(GOOD.replace("      read-only: Read-only.\n", "")))
        .hasMessageStartingWith("x.yaml:15: checks[1].hints: a hint is missing for [read-only]");
  }

  @Test
  void aHintForAFindingTheCheckCannotMakeIsRefused() {
    assertThatThrownBy(() -> parse(GOOD.replace("none: None.", "nothing: None.")))
        .hasMessageStartingWith("x.yaml:16: checks[1].hints.nothing: this check finds no 'nothing'")
        .hasMessageContaining("none");
  }

  @Test
  void aPlaceholderThatStandsForNothingIsRefused() {
    assertThatThrownBy(() -> parse(GOOD.replace("None.", "None on {targett}.")))
        .hasMessageStartingWith(
            "x.yaml:16: checks[1].hints.none: {targett} stands for nothing here")
        .hasMessageContaining("target");
  }

  @Test
  void anUnknownKindOfCheckListsTheKinds() {
    assertThatThrownBy(() -> parse(GOOD.replace("check: mount", "check: mounts")))
        .hasMessageStartingWith("x.yaml:11: checks[1].check: 'mounts' is not a kind of check")
        .hasMessageContaining("persists");
  }

  @Test
  void aFieldTheCheckDoesNotTakeIsNamed() {
    assertThatThrownBy(
            () ->
                parse(
                    GOOD.replace(
                        "    container: demo9\n    hints:",
                        "    container: demo9\n    target: /x\n    hints:")))
        .hasMessageStartingWith("x.yaml:7: checks[0].target: a container check takes no target");
  }

  @Test
  void aContainersChecksMustFollowTheCheckThatFindsIt() {
    String mountFirst =
        GOOD.replace(
            "checks:\n",
            "checks:\n  - check: no-mount\n    container: demo9\n    hints:\n      mounted: M.\n");

    assertThatThrownBy(() -> parse(mountFirst))
        .hasMessageStartingWith(
            "x.yaml:5: checks[0].check: comes before the 'container' check of demo9");
  }

  @Test
  void oneNameCannotBeAContainerAndAVolume() {
    assertThatThrownBy(() -> parse(GOOD.replace("source: box", "source: demo9")))
        .hasMessageStartingWith(
            "x.yaml:27: solution[0].mounts[0].source: 'demo9' names a container elsewhere");
  }

  @Test
  void aFolderNameCannotClimbOutOfTheStudentsFolder() {
    String withFolder =
        GOOD.replace("solution:\n", "solution:\n  - do: mkdir\n    folder: ../etc\n");

    assertThatThrownBy(() -> parse(withFolder))
        .hasMessageStartingWith("x.yaml:24: solution[0].folder: '../etc' must be a plain name");
  }

  @Test
  void anUnknownStepListsTheSteps() {
    assertThatThrownBy(() -> parse(GOOD.replace("do: run", "do: start")))
        .hasMessageStartingWith("x.yaml:23: solution[0].do: 'start' is not a step")
        .hasMessageContaining("volume-create");
  }

  @Test
  void aStepsMissingFieldIsNamed() {
    assertThatThrownBy(
            () -> parse(GOOD.replace("    container: demo9\n    mounts:", "    mounts:")))
        .hasMessageStartingWith("x.yaml:23: solution[0].container: missing");
  }

  @Test
  void twoExercisesWithOneIdAreRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), GOOD);
    Files.writeString(dir.resolve("b.yaml"), GOOD);

    assertThatThrownBy(() -> ExerciseLoader.load(dir, "mine"))
        .isInstanceOfSatisfying(
            VlabException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageStartingWith(
            "mine/b.yaml:1: id: 'my-exercise' is already the id of mine/a.yaml");
  }

  private static Exercise parse(String yaml) {
    return ExerciseLoader.parse(yaml, "x.yaml");
  }
}
