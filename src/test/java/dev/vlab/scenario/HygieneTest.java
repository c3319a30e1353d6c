package dev.vlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.ContainerSpec;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.image.DemoImage;
import dev.vlab.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vlab removes only what it created in the same run, and adopts nothing it finds. */
class HygieneTest {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private Engine engine;
  private String foreignContainer;
  private String foreignVolume;

  @BeforeEach
  void connect() {
    engine = TestEngine.connect();
  }

  @AfterEach
  void removeTheTestsOwnThings() {
    if (foreignContainer != null) {
      engine.removeContainer(foreignContainer);
    }
    if (foreignVolume != null) {
      engine.removeVolume(foreignVolume);
    }
    engine.close();
  }

  @Test
  void aVolumeNameThatIsTakenStopsVlabAndTheVolumeIsLeftAlone() {
    foreignVolume = "vlab-test-foreign-" + suffix;
    engine
        .docker()
        .createVolumeCmd()
        .withName(foreignVolume)
        .withLabels(Map.of("owner", "student"))
        .exec();

    assertThatThrownBy(() -> engine.createVolume(foreignVolume, Map.of("dev.vlab.managed", "true")))
        .isInstanceOfSatisfying(
            VlabException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED))
        .hasMessageContaining("'" + foreignVolume + "' already exists")
        .hasMessageContaining("leaves it alone");
    assertThat(engine.inspectVolume(foreignVolume).orElseThrow().getLabels())
        .containsExactly(Map.entry("owner", "student"));
  }

  @Test
  void cleanupRemovesOnlyWhatCarriesThisRunsLabel(@TempDir Path home) {
    TestEngine.demoImage(engine);
    String runId = "run" + suffix;
    foreignContainer =
        engine.runContainer(
            new ContainerSpec(
                "vlab-test-foreign-" + suffix,
                DemoImage.NAME,
                "127.0.0.1",
                DemoImage.PORT,
                0,
                List.of(),
                Map.of("owner", "student")));
    Resources resources = new Resources();
    String own =
        resources.create(
            () ->
                engine.runContainer(
                    new ContainerSpec(
                        "vlab-test-own-" + suffix,
                        DemoImage.NAME,
                        "127.0.0.1",
                        DemoImage.PORT,
                        0,
                        List.of(),
                        Labels.forRun(runId, "test"))));

    List<String> removed = resources.removeAll(engine, runId, new Workspace(home, runId));

    assertThat(removed).containsExactly("container vlab-test-own-" + suffix);
    assertThat(engine.inspectContainer(own)).isEmpty();
    assertThat(engine.isRunning(foreignContainer)).isTrue();
  }

  @Test
  void nothingIsCreatedOnceRemovalHasBegun(@TempDir Path home) {
    Resources resources = new Resources();
    resources.removeAll(engine, "run" + suffix, new Workspace(home, "run" + suffix));

    assertThatThrownBy(() -> resources.create(() -> "created")).hasMessageContaining("stopping");
  }

  @Test
  void aRunFolderWithoutThisRunsMarkerIsNotDeleted(@TempDir Path home) throws Exception {
    Workspace workspace = new Workspace(home, "abc123");
    Path lookalike = Files.createDirectories(workspace.runDir());
    Files.writeString(lookalike.resolve("precious.txt"), "not vlab's");

    assertThat(workspace.delete()).isEmpty();
    assertThat(lookalike.resolve("precious.txt")).exists();
  }

  @Test
  void aLinkPlantedInABindFolderIsRemovedButItsTargetIsNotTouched(@TempDir Path home)
      throws Exception {
    Workspace workspace = new Workspace(home, "ghi789");
    Path folder = workspace.createFolder("bind-mount", "notes-folder", 0777);
    Path victim = Files.createDirectories(home.resolve("victim"));
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(folder.resolve("link"), victim);

    assertThat(workspace.delete()).contains(workspace.runDir());
    assertThat(victim).isDirectory();
    assertThat(Files.getPosixFilePermissions(victim))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void aLockedBindFolderIsCreatedWithItsModeAndStillRemoved(@TempDir Path home) throws Exception {
    Workspace workspace = new Workspace(home, "def456");
    Path folder = workspace.createFolder("permission-failure", "locked", 0555);

    assertThat(Files.getPosixFilePermissions(folder))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    assertThat(workspace.delete()).contains(workspace.runDir());
    assertThat(workspace.runDir()).doesNotExist();
  }
}
