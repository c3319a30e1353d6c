package dev.vlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vlab.Bundled;
import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabLoaderTest {
  private static final String GOOD =
      """
      id: my-lab
      title: A lab
      summary: What it shows.
      mounts:
        - type: bind
          source: folder
          target: /data
          mode: "0555"
      expect:
        writeSucceeds: false
        dataSurvives: false
      explanation:
        expected: It failed. As it should.
        surprising: It worked.
      """;

  /** The texts of GOOD's steps: a bind mount on /data, so no diff, and a cat and a stat. */
  private static final String STEPS =
      """
      steps:
        folder: Make the folder.
        run: Start it.
        mounts: Look at the mounts.
        write: Write a note.
        logs: Read the logs.
        remove: Remove it.
        rerun: Start it again.
        read: Read the notes.
        cat: Read the file.
        stat: Look at the mode.
      """;

  @Test
  void bundledLabsAreTheFiveWorkshopScenariosInOrder() {
    LabCatalog catalog = LabLoader.load(Bundled.folder("labs"), "labs");

    assertThat(catalog.labs())
        .extracting(Lab::id)
        .containsExactly(
            "ephemeral", "bind-mount", "named-volume", "wrong-mount-path", "permission-failure");
    Lab wrongPath = catalog.select(java.util.List.of("wrong-mount-path")).get(0);
    assertThat(wrongPath.mounts())
        .singleElement()
        .satisfies(m -> assertThat(m.target()).isEqualTo("/app/data"));
  }

  @Test
  void readsEveryFieldOfAGoodLab() {
    Lab lab = LabLoader.parse(GOOD, "good.yaml");

    assertThat(lab.mounts())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.type()).isEqualTo(LabMount.Type.BIND);
              assertThat(m.modeBits()).isEqualTo(0555);
            });
    assertThat(lab.expect().writeSucceeds()).isFalse();
  }

  @Test
  void anUnquotedOctalModeIsReadAsWritten() {
    Lab lab = LabLoader.parse(GOOD.replace("\"0555\"", "0555"), "good.yaml");

    assertThat(lab.mounts().get(0).modeBits()).isEqualTo(0555);
  }

  @Test
  void anUnknownFieldIsNamedWithItsLineAndTheKnownFields() {
    assertThatThrownBy(() -> LabLoader.parse(GOOD.replace("title:", "tilte:"), "labs/x.yaml"))
        .isInstanceOf(LabFileException.class)
        .hasMessageStartingWith("labs/x.yaml:2: tilte: unknown field")
        .hasMessageContaining("title");
  }

  @Test
  void aModeThatIsNotOctalPointsAtItsLine() {
    assertThatThrownBy(() -> LabLoader.parse(GOOD.replace("\"0555\"", "\"0985\""), "x.yaml"))
        .hasMessageStartingWith("x.yaml:8: mounts[0].mode: '0985' is not an octal folder mode");
  }

  @Test
  void aRelativeContainerPathIsRefused() {
    assertThatThrownBy(
            () -> LabLoader.parse(GOOD.replace("target: /data", "target: data"), "x.yaml"))
        .hasMessageStartingWith("x.yaml:7: mounts[0].target: 'data' must be an absolute path");
  }

  @Test
  void aBindSourceCannotNameAHostPath() {
    for (String source : new String[] {"/etc", "../../etc", "a/b", ".."}) {
      assertThatThrownBy(
              () -> LabLoader.parse(GOOD.replace("source: folder", "source: " + source), "x.yaml"))
          .as(source)
          .hasMessageStartingWith("x.yaml:6: mounts[0].source: ")
          .hasMessageContaining("never uses a host path");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"My-Lab", "my_lab", "-lab", "lab-", "a--b", "lab.one"})
  void anIdThatIsNotAValidPartOfADockerNameIsRefused(String id) {
    assertThatThrownBy(() -> LabLoader.parse(GOOD.replace("id: my-lab", "id: " + id), "x.yaml"))
        .isInstanceOf(LabFileException.class)
        .hasMessageStartingWith("x.yaml:1: id: '" + id + "' must be lower-case letters");
  }

  @Test
  void anIdLongerThanFortyIsRefused() {
    String id = "a".repeat(41);
    assertThatThrownBy(() -> LabLoader.parse(GOOD.replace("id: my-lab", "id: " + id), "x.yaml"))
        .hasMessageStartingWith("x.yaml:1: id: '" + id + "' must be");
  }

  @ParameterizedTest
  @ValueSource(strings = {".hidden", "a b", "c:d", "-x", "~", "$HOME"})
  void aSourceThatIsNotAValidDockerNameIsRefused(String source) {
    assertThatThrownBy(
            () ->
                LabLoader.parse(
                    GOOD.replace("source: folder", "source: '" + source + "'"), "x.yaml"))
        .hasMessageStartingWith("x.yaml:6: mounts[0].source: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/data:rw", "/data,z", "/a/../b", "/a/./b", "/my data", "/", "//"})
  void aTargetThatIsNotAPlainAbsolutePathIsRefused(String target) {
    assertThatThrownBy(
            () ->
                LabLoader.parse(
                    GOOD.replace("target: /data", "target: '" + target + "'"), "x.yaml"))
        .hasMessageStartingWith("x.yaml:7: mounts[0].target: '" + target + "' must be");
  }

  @ParameterizedTest
  @ValueSource(strings = {"command", "entrypoint", "image", "hostPath", "privileged"})
  void noFieldCanRunAHostCommandOrReachTheHost(String field) {
    assertThatThrownBy(() -> LabLoader.parse(GOOD + field + ": rm -rf /\n", "x.yaml"))
        .hasMessageStartingWith("x.yaml:15: " + field + ": unknown field");
  }

  @Test
  void aTitleOfTheWrongTypeIsNamed() {
    assertThatThrownBy(
            () -> LabLoader.parse(GOOD.replace("title: A lab", "title: {a: 1}"), "x.yaml"))
        .hasMessageStartingWith("x.yaml:2: title: wrong kind of value");
  }

  @Test
  void aMissingFieldIsNamed() {
    assertThatThrownBy(() -> LabLoader.parse(GOOD.replace("  dataSurvives: false\n", ""), "x.yaml"))
        .hasMessageStartingWith("x.yaml:9: expect.dataSurvives: missing");
  }

  @Test
  void anUnknownMountTypeListsTheTypesThereAre() {
    assertThatThrownBy(() -> LabLoader.parse(GOOD.replace("type: bind", "type: nfs"), "x.yaml"))
        .hasMessageStartingWith("x.yaml:5: mounts[0].type: 'nfs' is not one of: bind, volume");
  }

  @Test
  void aValueOfTheWrongKindIsNamed() {
    assertThatThrownBy(
            () ->
                LabLoader.parse(
                    GOOD.replace("writeSucceeds: false", "writeSucceeds: [1]"), "x.yaml"))
        .hasMessageStartingWith("x.yaml:10: expect.writeSucceeds: wrong kind of value");
  }

  @Test
  void aKeyWrittenTwiceIsAnErrorAtItsSecondPlace() {
    assertThatThrownBy(() -> LabLoader.parse(GOOD.replace("title:", "id: other\ntitle:"), "x.yaml"))
        .hasMessageStartingWith("x.yaml:2: (file): this is not valid YAML: 'id' is written twice");
  }

  @Test
  void aNumberIsNotAMountType() {
    assertThatThrownBy(() -> LabLoader.parse(GOOD.replace("type: bind", "type: 1"), "x.yaml"))
        .hasMessageStartingWith("x.yaml:5: mounts[0].type:");
  }

  @Test
  void allIsNotALabId() {
    assertThatThrownBy(() -> LabLoader.parse(GOOD.replace("id: my-lab", "id: all"), "x.yaml"))
        .hasMessageStartingWith("x.yaml:1: id: 'all' stands for every lab");
  }

  @Test
  void theKernelsOwnFoldersAreNoMountTarget() {
    for (String target : new String[] {"/proc", "/sys/fs", "/dev"}) {
      assertThatThrownBy(
              () -> LabLoader.parse(GOOD.replace("target: /data", "target: " + target), "x.yaml"))
          .as(target)
          .hasMessageStartingWith(
              "x.yaml:7: mounts[0].target: '" + target + "' is where the kernel");
    }
  }

  @Test
  void editorLockFilesAreNotLabs(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), GOOD);
    Files.writeString(dir.resolve(".#a.yaml"), "not a lab");

    assertThat(LabLoader.load(dir, "my-labs").labs()).extracting(Lab::id).containsExactly("my-lab");
  }

  @Test
  void brokenYamlGivesALine() {
    assertThatThrownBy(() -> LabLoader.parse("id: x\ntitle: [unclosed\n", "x.yaml"))
        .isInstanceOf(LabFileException.class)
        .hasMessageStartingWith("x.yaml:");
  }

  @Test
  void twoLabsWithOneIdAreRefusedNamingBothFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), GOOD);
    Files.writeString(dir.resolve("b.yaml"), GOOD);

    assertThatThrownBy(() -> LabLoader.load(dir, "my-labs"))
        .hasMessageStartingWith(
            "my-labs/b.yaml:1: id: 'my-lab' is already the id of my-labs/a.yaml");
  }

  @Test
  void aMissingFolderIsAUsageError(@TempDir Path dir) {
    assertThatThrownBy(() -> LabLoader.load(dir.resolve("nope"), "nope"))
        .isInstanceOfSatisfying(
            VlabException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("does not exist");
  }

  @Test
  void everyBundledLabExplainsEveryStepAndTheWorkshopFileIsThere() {
    for (Lab lab : LabLoader.load(Bundled.folder("labs"), "labs").labs()) {
      lab.requireSteps();
      lab.plan().forEach(step -> assertThat(lab.stepText(step)).as(lab.id()).isNotBlank());
    }
    Workshop workshop = LabLoader.loadWorkshop(Bundled.folder("labs"), "labs").orElseThrow();
    assertThat(workshop.build()).contains("image");
  }

  @Test
  void readsStepTextsAndTheContainerName() {
    Lab lab = LabLoader.parse(GOOD + "container: demo9\n" + STEPS, "x.yaml");

    assertThat(lab.container()).isEqualTo("demo9");
    assertThat(lab.stepText(LabStep.CAT)).isEqualTo("Read the file.");
    assertThat(lab.plan())
        .containsExactly(
            LabStep.FOLDER,
            LabStep.RUN,
            LabStep.MOUNTS,
            LabStep.WRITE,
            LabStep.LOGS,
            LabStep.REMOVE,
            LabStep.RERUN,
            LabStep.READ,
            LabStep.CAT,
            LabStep.STAT);
  }

  @Test
  void theContainerIsNamedAfterTheLabUnlessTheFileSaysOtherwise() {
    assertThat(LabLoader.parse(GOOD, "x.yaml").container()).isEqualTo("my-lab");
  }

  @Test
  void aStepTheLabDoesNotHaveIsNamedWithItsLineAndTheStepsItHas() {
    assertThatThrownBy(() -> LabLoader.parse(GOOD + STEPS + "  inspect: Inspect it.\n", "x.yaml"))
        .isInstanceOf(LabFileException.class)
        .hasMessageStartingWith(
            "x.yaml:26: steps.inspect: this lab has no inspect step (there is one for each"
                + " named volume)")
        .hasMessageEndingWith("folder, run, mounts, write, logs, remove, rerun, read, cat, stat");
  }

  @Test
  void anUnknownStepIsRefused() {
    assertThatThrownBy(() -> LabLoader.parse(GOOD + STEPS + "  dance: Dance.\n", "x.yaml"))
        .hasMessageStartingWith("x.yaml:26: steps.dance: not a step");
  }

  @Test
  void aMissingStepIsNamedWithWhenALabHasIt() {
    assertThatThrownBy(
            () -> LabLoader.parse(GOOD + STEPS.replace("  cat: Read the file.\n", ""), "x.yaml"))
        .hasMessageStartingWith(
            "x.yaml:15: steps.cat: missing; this lab has a cat step (for each bind mount)");
  }

  @Test
  void aStepTextTooLongForAProjectorIsRefused() {
    String longText = "Start it. ".repeat(50);
    assertThatThrownBy(() -> LabLoader.parse(GOOD + STEPS.replace("Start it.", longText), "x.yaml"))
        .hasMessageStartingWith("x.yaml:17: steps.run: 499 characters; keep it to two or three");
  }

  @Test
  void aContainerNameDockerWouldRefuseIsRefused() {
    assertThatThrownBy(() -> LabLoader.parse(GOOD + "container: -demo\n", "x.yaml"))
        .hasMessageStartingWith("x.yaml:15: container: '-demo' is not a container name");
  }

  @Test
  void stepModeAndTheHandoutNeedTheStepTexts() {
    Lab lab = LabLoader.parse(GOOD, "x.yaml");

    assertThatThrownBy(lab::requireSteps)
        .isInstanceOfSatisfying(
            VlabException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageStartingWith("x.yaml:1: steps: missing; step mode and the handout need");
  }

  @Test
  void theWorkshopFileIsNotALabAndIsCheckedLikeOne(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), GOOD);
    Files.writeString(
        dir.resolve(LabLoader.WORKSHOP_FILE), "title: My workshop\nbuild: Build it.\nbuidl: x\n");

    assertThat(LabLoader.load(dir, "my-labs").labs()).hasSize(1);
    assertThatThrownBy(() -> LabLoader.loadWorkshop(dir, "my-labs"))
        .hasMessageStartingWith("my-labs/workshop.yaml:3: buidl: unknown field")
        .hasMessageContaining("build, intro, title");
  }
}
