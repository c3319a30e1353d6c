package dev.vlab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.vlab.Bundled;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.scenario.RunContext;
import dev.vlab.testing.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo image's cache key, and the self-contained image it guards. */
class ImageRecipeTest {
  private static final DemoAppSources SOURCES = new DemoAppSources(Bundled.folder("demo-app"));

  @Test
  void theKeyTellsTheBuildMethodsAndTheirRecipesApart() {
    DemoImage image = new DemoImage(null, "unused", SOURCES, Map.of(), line -> {});

    assertThat(image.key(BuildMethod.SELF_CONTAINED))
        .isNotEqualTo(image.key(BuildMethod.DOCKERFILE));
    assertThat(image.key(BuildMethod.SELF_CONTAINED))
        .isEqualTo(image.key(BuildMethod.SELF_CONTAINED));
    assertThat(SelfContainedImage.recipe())
        .contains(SelfContainedImage.dockerfile())
        .contains(String.join(" ", SelfContainedImage.jlinkOptions()))
        .contains(SelfContainedImage.moduleInfo())
        .contains(SelfContainedImage.runtimeIdentity());
    assertThat(SOURCES.hash(SelfContainedImage.recipe() + " -XX:+SomeNewFlag"))
        .isNotEqualTo(image.key(BuildMethod.SELF_CONTAINED));
  }

  @Test
  void anImageFromAnOlderRecipeIsRebuiltThenReusedAndStartsFromItsClassArchive() {
    try (Engine engine = TestEngine.connect()) {
      String name = "vlab-test-image-" + RunContext.newRunId();
      List<String> made = new ArrayList<>();
      try {
        // What an older vlab left: the same app sources, labelled with a key without the recipe.
        String stale = plantImage(engine, name, SOURCES.hash(""));
        made.add(stale);
        DemoImage image = new DemoImage(engine, name, SOURCES, Map.of(), line -> {});

        DemoImage.Outcome rebuilt = image.ensure(BuildMethod.SELF_CONTAINED);
        made.add(rebuilt.imageId());
        DemoImage.Outcome again = image.ensure(null);

        assertThat(rebuilt.built()).isTrue();
        assertThat(engine.inspectImage(stale)).as("the stale image vlab had built").isEmpty();
        assertThat(labels(engine, name))
            .containsEntry(Labels.SOURCE_HASH, image.key(BuildMethod.SELF_CONTAINED));
        assertThat(again.built()).isFalse();
        assertThat(again.imageId()).isEqualTo(engine.inspectImage(name).orElseThrow().getId());
        assertThat(engine.inspectImage(name).orElseThrow().getSize())
            .as("image size")
            .isLessThan(60_000_000L);
        assertStartsFromItsClassArchive(engine, name);
      } finally {
        made.forEach(id -> removeImage(engine, id));
      }
    }
  }

  /**
   * With -Xshare:on the JVM refuses to start unless it can map the archive, so an app that comes up
   * this way proves the build's archive fits the image's own java, jar and flags.
   */
  private static void assertStartsFromItsClassArchive(Engine engine, String image) {
    List<String> entrypoint =
        new ArrayList<>(
            List.of(engine.inspectImage(image).orElseThrow().getConfig().getEntrypoint()));
    entrypoint.add(1, "-Xshare:on");
    String id =
        engine
            .docker()
            .createContainerCmd(image)
            .withName(image + "-cds")
            .withLabels(Map.of(Labels.MANAGED, "true"))
            .withEntrypoint(entrypoint)
            .exec()
            .getId();
    try {
      engine.docker().startContainerCmd(id).exec();
      await("the app started with -Xshare:on to log that it listens")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .failFast("the container stopped", () -> !engine.isRunning(id))
          .until(() -> engine.logs(id).contains("listening on port 3000"));
      assertThat(entrypoint).contains("-XX:SharedArchiveFile=" + SelfContainedImage.CDS_ARCHIVE);
    } finally {
      engine.removeContainer(id);
    }
  }

  private static String plantImage(Engine engine, String name, String staleKey) {
    String dockerfile = "FROM scratch\nLABEL dev.vlab.test=" + name + "\n";
    ByteArrayOutputStream context = new ByteArrayOutputStream();
    try (BuildContext tar = new BuildContext(context)) {
      tar.addBytes("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), 0644);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return engine
        .docker()
        .buildImageCmd()
        .withTarInputStream(new ByteArrayInputStream(context.toByteArray()))
        .withTags(Set.of(name + ":latest"))
        .withLabels(
            Map.of(
                Labels.MANAGED,
                "true",
                Labels.BUILD,
                BuildMethod.SELF_CONTAINED.label(),
                Labels.SOURCE_HASH,
                staleKey))
        .exec(new BuildImageResultCallback())
        .awaitImageId();
  }

  private static Map<String, String> labels(Engine engine, String name) {
    InspectImageResponse image = engine.inspectImage(name).orElseThrow();
    return image.getConfig().getLabels();
  }

  private static void removeImage(Engine engine, String id) {
    if (engine.inspectImage(id).isPresent()) {
      engine.docker().removeImageCmd(id).withForce(true).exec();
    }
  }
}
