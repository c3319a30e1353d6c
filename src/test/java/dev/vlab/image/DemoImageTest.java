package dev.vlab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.vlab.Bundled;
import dev.vlab.engine.ContainerSpec;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.testing.TestEngine;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoImageTest {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> imagesToRemove = new ArrayList<>();
  private final List<String> containersToRemove = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();
  private Engine engine;

  @BeforeEach
  void connect() {
    engine = TestEngine.connect();
  }

  @AfterEach
  void removeWhatTheTestMade() {
    containersToRemove.forEach(engine::removeContainer);
    for (String image : imagesToRemove) {
      engine.docker().removeImageCmd(image).withForce(true).exec();
    }
    // The Dockerfile's build stage leaves an untagged image behind, labelled like its base.
    engine
        .docker()
        .listImagesCmd()
        .withDanglingFilter(true)
        .withLabelFilter(Map.of("dev.vlab.test", suffix))
        .exec()
        .forEach(image -> engine.docker().removeImageCmd(image.getId()).withForce(true).exec());
    engine.close();
  }

  @Test
  void aSecondEnsureReusesTheImageBuiltFromTheSameSources() {
    DemoImage.Outcome first = demoImage(DemoImage.NAME, Map.of()).ensure(null);
    DemoImage.Outcome second = demoImage(DemoImage.NAME, Map.of()).ensure(null);

    assertThat(second.built()).isFalse();
    assertThat(second.imageId()).isEqualTo(first.imageId());
    assertThat(progress.get(progress.size() - 1)).contains("up to date").contains("no build");
  }

  @Test
  void withoutTheDockerfilesBaseImageVlabAssemblesASelfContainedOne() throws Exception {
    String name = "vlab-test-sc-" + suffix;
    imagesToRemove.add(name);
    Map<String, String> missingBase =
        Map.of(
            "JDK_IMAGE",
            "vlab-test-absent:" + suffix,
            "RUNTIME_IMAGE",
            "vlab-test-absent:" + suffix);

    DemoImage.Outcome outcome = demoImage(name, missingBase).ensure(null);

    assertThat(outcome.method()).isEqualTo(BuildMethod.SELF_CONTAINED);
    assertThat(outcome.reason())
        .contains("vlab-test-absent:" + suffix)
        .contains("not on the engine");
    assertThat(engine.inspectImage(name).orElseThrow().getSize()).isLessThan(60_000_000L);
    assertAppAnswersAsUid1000(name);
  }

  @Test
  void whenTheBaseImageIsOnTheEngineTheDockerfileIsUsed(@TempDir Path work) throws Exception {
    String base = "vlab-test-jdk:" + suffix;
    buildLocalJdkImage(base, work);
    String name = "vlab-test-dockerfile-" + suffix;
    imagesToRemove.add(0, name);

    DemoImage.Outcome outcome =
        demoImage(name, Map.of("JDK_IMAGE", base, "RUNTIME_IMAGE", base)).ensure(null);

    assertThat(outcome.method()).isEqualTo(BuildMethod.DOCKERFILE);
    assertThat(outcome.built()).isTrue();
    assertThat(progress).anyMatch(line -> line.contains("(dockerfile)") && line.contains(base));
    assertAppAnswersAsUid1000(name);
  }

  private DemoImage demoImage(String name, Map<String, String> buildArgs) {
    return new DemoImage(
        engine, name, new DemoAppSources(Bundled.folder("demo-app")), buildArgs, progress::add);
  }

  /** Starts the image, writes a note (so /data belongs to the app's user) and reads the logs. */
  private void assertAppAnswersAsUid1000(String image) throws Exception {
    String id =
        engine.runContainer(
            new ContainerSpec(
                "vlab-test-app-" + suffix,
                image,
                "127.0.0.1",
                DemoImage.PORT,
                0,
                List.of(),
                Labels.forRun("test-" + suffix, "image")));
    containersToRemove.add(id);
    URI notes =
        URI.create(
            "http://127.0.0.1:"
                + engine.publishedPort(id, DemoImage.PORT).orElseThrow()
                + "/notes");
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest post =
        HttpRequest.newBuilder(notes).POST(HttpRequest.BodyPublishers.ofString("hi")).build();

    int status =
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(
                () -> http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode(),
                s -> s > 0);

    assertThat(status).isEqualTo(201);
    assertThat(engine.logs(id)).contains("uid 1000");
  }

  /**
   * A stand-in for eclipse-temurin made on this machine, since no registry is reachable: a jlinked
   * JDK with javac and jar, plus the host's sh, mkdir and chown for the Dockerfile's RUN.
   */
  private void buildLocalJdkImage(String tag, Path work) throws Exception {
    Path rootfs = work.resolve("rootfs");
    Path javaHome = rootfs.resolve("opt/java");
    Files.createDirectories(javaHome.getParent());
    int jlinked =
        java.util.spi.ToolProvider.findFirst("jlink")
            .orElseThrow()
            .run(
                System.out,
                System.err,
                "--add-modules",
                "java.base,jdk.httpserver,jdk.compiler,jdk.jartool",
                "--no-header-files",
                "--no-man-pages",
                "--output",
                javaHome.toString());
    assertThat(jlinked).as("jlink of the stand-in JDK").isZero();
    SelfContainedImage.copyLibraries(javaHome, rootfs);
    List<Path> tools = List.of(Path.of("/bin/sh"), Path.of("/bin/mkdir"), Path.of("/bin/chown"));
    Files.createDirectories(rootfs.resolve("bin"));
    for (Path tool : tools) {
      Files.copy(tool.toRealPath(), rootfs.resolve("bin").resolve(tool.getFileName()));
    }
    SelfContainedImage.copyLibraries(tools, javaHome, rootfs);
    Path context = work.resolve("context.tar");
    try (BuildContext tar = new BuildContext(Files.newOutputStream(context))) {
      String dockerfile = "FROM scratch\nCOPY rootfs/ /\nENV PATH=/opt/java/bin:/bin\n";
      tar.addBytes("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), 0644);
      tar.addTree(rootfs, "rootfs");
      tar.addFolder("rootfs/tmp", 01777);
    }
    try (InputStream in = Files.newInputStream(context)) {
      engine
          .docker()
          .buildImageCmd()
          .withTarInputStream(in)
          .withTags(Set.of(tag))
          .withLabels(Map.of("dev.vlab.test", suffix))
          .exec(new BuildImageResultCallback())
          .awaitImageId();
    }
    imagesToRemove.add(tag);
  }
}
