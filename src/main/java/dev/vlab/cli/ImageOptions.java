package dev.vlab.cli;

import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.image.BuildMethod;
import dev.vlab.image.DemoImage;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The demo image's options, shared by {@code run-lab} and {@code build-image}. */
final class ImageOptions {
  /** A repository name as the engine accepts it, without a tag: vlab always tags it latest. */
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*");

  @Option(
      names = "--image",
      paramLabel = "NAME",
      defaultValue = "${env:VLAB_IMAGE:-" + DemoImage.NAME + "}",
      description =
          "The demo image to run, built when missing or stale (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--build",
      paramLabel = "HOW",
      description = "Build the image this way: dockerfile or self-contained (default: choose).",
      converter = BuildMethodConverter.class)
  BuildMethod build;

  /** Builds the image unless an up-to-date one is there. */
  DemoImage.Outcome ensure(Engine engine, Consumer<String> progress) {
    if (!NAME.matcher(name).matches()) {
      throw VlabException.usage(
          "--image "
              + name
              + ": not an image name vlab can use. Use lower-case letters, digits, '.', '_', '-'"
              + " and '/', without a tag (vlab tags it latest), such as volume-demo.");
    }
    return DemoImage.bundled(engine, name, progress).ensure(build);
  }
}
