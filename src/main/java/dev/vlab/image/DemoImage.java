package dev.vlab.image;

import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.vlab.Bundled;
import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the demo image exists, building it only when its sources changed. It picks the way to
 * build that needs no registry when it can, and says which way and why.
 */
public final class DemoImage {
  public static final String NAME = "volume-demo";

  /**
   * The demo image's name: {@code VLAB_IMAGE}, or {@value #NAME}. Another name keeps one course's
   * image apart from another's on a shared engine.
   */
  public static String configuredName() {
    String name = System.getenv("VLAB_IMAGE");
    return name == null || name.isBlank() ? NAME : name.strip();
  }

  /** Where the app writes its notes inside the container, and the port it listens on. */
  public static final String DATA_DIR = "/data";

  public static final int PORT = 3000;

  /** How a student builds the image by hand, from a clone of this repository. */
  public static final String BUILD_COMMAND = "docker build -t " + NAME + " demo-app";

  private static final Logger log = LoggerFactory.getLogger(DemoImage.class);

  private final Engine engine;
  private final String name;
  private final DemoAppSources sources;
  private final Map<String, String> buildArgs;
  private final Consumer<String> progress;

  /**
   * @param buildArgs Dockerfile build arguments, such as another JDK_IMAGE
   * @param progress receives one line per notable step, for the user
   */
  public DemoImage(
      Engine engine,
      String name,
      DemoAppSources sources,
      Map<String, String> buildArgs,
      Consumer<String> progress) {
    this.engine = engine;
    this.name = name;
    this.sources = sources;
    this.buildArgs = Map.copyOf(buildArgs);
    this.progress = progress;
  }

  /** The demo image ({@link #configuredName()}), from the app sources bundled with vlab. */
  public static DemoImage bundled(Engine engine, Consumer<String> progress) {
    return bundled(engine, configuredName(), progress);
  }

  /** The image of the demo app bundled with vlab, under {@code name}, with no build arguments. */
  public static DemoImage bundled(Engine engine, String name, Consumer<String> progress) {
    return new DemoImage(
        engine, name, new DemoAppSources(Bundled.folder("demo-app")), Map.of(), progress);
  }

  /** What {@link #ensure} did: the image, how it was made, and why that way. */
  public record Outcome(
      String name, String imageId, BuildMethod method, boolean built, String reason) {}

  /**
   * Builds the image unless one from the same sources is there.
   *
   * @param forced a method the user insisted on, or null to choose
   */
  public Outcome ensure(BuildMethod forced) {
    Optional<InspectImageResponse> existing = engine.inspectImage(name);
    Optional<Outcome> reuse = existing.flatMap(image -> reusable(image, forced));
    if (reuse.isPresent()) {
      progress.accept(reuse.get().reason());
      return reuse.get();
    }
    Choice choice = forced == null ? choose() : explainForced(forced);
    progress.accept(
        "Building image " + name + " (" + choice.method().label() + "): " + choice.reason());
    long start = System.nanoTime();
    String built = build(choice.method(), key(choice.method()));
    // The build answers with a short id; inspecting gives the full one, as a reuse would.
    String id = engine.inspectImage(name).map(InspectImageResponse::getId).orElse(built);
    progress.accept("Built image " + name + " in " + seconds(System.nanoTime() - start) + " s");
    existing.ifPresent(old -> removeIfReplaced(old, id));
    return new Outcome(name, id, choice.method(), true, choice.reason());
  }

  /**
   * What {@link #ensure} would do now, without building: the image that is there and can be used,
   * or the way it would be built and why. {@code built} is false for an image that is there.
   */
  public Outcome plan() {
    Optional<Outcome> reuse = engine.inspectImage(name).flatMap(image -> reusable(image, null));
    if (reuse.isPresent()) {
      return reuse.get();
    }
    Choice choice = choose();
    return new Outcome(name, null, choice.method(), true, choice.reason());
  }

  /**
   * The image's cache key: the app's sources and the method's recipe. For a self-contained image
   * the recipe is vlab's own (the JDK, jlink's options, the generated Dockerfile); for the others
   * it is the Dockerfile, which is among the sources, and its build arguments.
   */
  String key(BuildMethod method) {
    String recipe =
        method == BuildMethod.SELF_CONTAINED
            ? SelfContainedImage.recipe()
            : "Dockerfile with build arguments " + new TreeMap<>(buildArgs);
    return sources.hash(recipe);
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }

  private Optional<Outcome> reusable(InspectImageResponse image, BuildMethod forced) {
    Map<String, String> labels = image.getConfig() == null ? null : image.getConfig().getLabels();
    if (labels == null || !labels.containsKey(Labels.SOURCE_HASH)) {
      return Optional.of(
          new Outcome(
              name,
              image.getId(),
              null,
              false,
              "Using the image "
                  + name
                  + " that is already on the engine; vlab did not build it,"
                  + " so it leaves it as it is."));
    }
    Optional<BuildMethod> method = BuildMethod.fromLabel(labels.get(Labels.BUILD));
    boolean sameMethod = forced == null || method.equals(Optional.of(forced));
    if (method.isEmpty()
        || !sameMethod
        || !key(method.get()).equals(labels.get(Labels.SOURCE_HASH))) {
      return Optional.empty();
    }
    return Optional.of(
        new Outcome(
            name,
            image.getId(),
            method.get(),
            false,
            "Image "
                + name
                + " is up to date (built "
                + method.get().label()
                + " from the same sources and recipe); no build."));
  }

  private record Choice(BuildMethod method, String reason) {}

  private Choice choose() {
    List<String> bases = sources.baseImages(buildArgs);
    List<String> missing = bases.stream().filter(b -> engine.inspectImage(b).isEmpty()).toList();
    if (missing.isEmpty()) {
      return new Choice(
          BuildMethod.DOCKERFILE, "the Dockerfile's base images " + bases + " are on the engine");
    }
    String whyNot = SelfContainedImage.whyNotPossible();
    if (whyNot == null) {
      return new Choice(
          BuildMethod.SELF_CONTAINED,
          "the Dockerfile's base image "
              + missing
              + " is not on the engine, so vlab assembles one from this JDK (no registry needed)");
    }
    return new Choice(
        BuildMethod.DOCKERFILE_WITH_PULL,
        missing + " is not on the engine and " + whyNot + ", so the engine must pull it");
  }

  private Choice explainForced(BuildMethod forced) {
    if (forced == BuildMethod.SELF_CONTAINED) {
      String whyNot = SelfContainedImage.whyNotPossible();
      if (whyNot != null) {
        throw VlabException.usage(
            "--build self-contained cannot work here: "
                + whyNot
                + ". Use --build dockerfile on an engine that can pull "
                + sources.baseImages(buildArgs));
      }
      return new Choice(forced, "asked for with --build");
    }
    List<String> bases = sources.baseImages(buildArgs);
    boolean present = bases.stream().allMatch(b -> engine.inspectImage(b).isPresent());
    return present
        ? new Choice(BuildMethod.DOCKERFILE, "asked for with --build; base images are present")
        : new Choice(
            BuildMethod.DOCKERFILE_WITH_PULL,
            "asked for with --build; the engine" + " will pull " + bases);
  }

  private String build(BuildMethod method, String hash) {
    Path work = null;
    try {
      work = Files.createTempDirectory("vlab-image-");
      if (method == BuildMethod.SELF_CONTAINED) {
        progress.accept(
            "  Assembling a Java runtime (jlink "
                + SelfContainedImage.APP_MODULES
                + ") and compiling the app...");
      }
      Path context =
          method == BuildMethod.SELF_CONTAINED
              ? SelfContainedImage.writeContext(sources, work)
              : dockerfileContext(work);
      try (InputStream tar = Files.newInputStream(context)) {
        return runBuild(tar, method, hash);
      }
    } catch (IOException e) {
      throw VlabException.failed(
          "Could not prepare the demo image's build: "
              + e.getMessage()
              + ". Run with -v for details, or try --build dockerfile.",
          e);
    } finally {
      deleteQuietly(work);
    }
  }

  private Path dockerfileContext(Path work) throws IOException {
    Path context = work.resolve("context.tar");
    try (BuildContext tar = new BuildContext(Files.newOutputStream(context))) {
      for (String file : sources.files()) {
        tar.addBytes(file, sources.read(file), 0644);
      }
    }
    return context;
  }

  private String runBuild(InputStream tar, BuildMethod method, String hash) {
    BuildImageCmd cmd =
        engine
            .docker()
            .buildImageCmd()
            .withTarInputStream(tar)
            .withTags(Set.of(name + ":latest"))
            .withLabels(
                Map.of(
                    // No dev.vlab.managed here: every container made from the image, a
                    // student's own too, would inherit it and look like vlab's.
                    Labels.SOURCE_HASH, hash, Labels.BUILD, method.label()))
            .withPull(method == BuildMethod.DOCKERFILE_WITH_PULL)
            .withRemove(true);
    buildArgs.forEach(cmd::withBuildArg);
    StringBuilder output = new StringBuilder();
    try {
      return cmd.exec(
              new BuildImageResultCallback() {
                @Override
                public void onNext(BuildResponseItem item) {
                  if (item.getStream() != null) {
                    String line = item.getStream().stripTrailing();
                    output.append(item.getStream());
                    log.debug("build: {}", line);
                    // "Step 3/7 : COPY ..." lines show a long build moving along.
                    if (line.startsWith("Step ")) {
                      progress.accept("  " + line);
                    }
                  }
                  super.onNext(item);
                }
              })
          .awaitImageId();
    } catch (DockerClientException | com.github.dockerjava.api.exception.DockerException e) {
      throw buildFailed(method, e, output);
    }
  }

  private VlabException buildFailed(BuildMethod method, RuntimeException e, StringBuilder output) {
    String hint =
        method == BuildMethod.DOCKERFILE_WITH_PULL
            ? " The engine could not pull "
                + sources.baseImages(buildArgs)
                + ": without a registry,"
                + " use --build self-contained (needs vlab on a Linux JDK)."
            : " Run with -v to see the whole build output.";
    String tail =
        output.length() > 2000 ? output.substring(output.length() - 2000) : output.toString();
    return VlabException.failed(
        "Building image "
            + name
            + " ("
            + method.label()
            + ") failed: "
            + e.getMessage()
            + "."
            + hint
            + (tail.isBlank() ? "" : "\nLast build output:\n" + tail),
        e);
  }

  /** A rebuild moves the tag; the image it leaves behind is vlab's own, so remove it. */
  private void removeIfReplaced(InspectImageResponse old, String newId) {
    Map<String, String> labels = old.getConfig() == null ? null : old.getConfig().getLabels();
    if (old.getId().equals(newId) || labels == null || !labels.containsKey(Labels.SOURCE_HASH)) {
      return;
    }
    try {
      engine.docker().removeImageCmd(old.getId()).exec();
    } catch (RuntimeException e) {
      log.debug("the replaced image {} stays: {}", old.getId(), e.getMessage());
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("could not delete {}", dir, e);
    }
  }
}
