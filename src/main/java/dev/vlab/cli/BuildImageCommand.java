package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineConnector;
import dev.vlab.image.DemoImage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vlab build-image}: builds the demo image ahead of a class, or says it is up to date. */
@Command(
    name = "build-image",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Build the demo image now, unless an up-to-date one is on the engine.",
      "%nrun-lab does the same before its scenarios; this is for preparing a machine ahead of a"
          + " class. The image is rebuilt when the app's sources or vlab's recipe for it change."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  vlab build-image", "  vlab build-image --image my-demo --build self-contained"})
final class BuildImageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ImageOptions image;

  @Override
  public Integer call() {
    Consumer<String> progress = Cli.progress(spec);
    try (Engine engine = EngineConnector.connect()) {
      progress.accept(Cli.describe(engine));
      DemoImage.Outcome outcome = image.ensure(engine, progress);
      PrintWriter out = spec.commandLine().getOut();
      out.println(outcome.name() + ": " + state(outcome) + ", image " + outcome.imageId());
      out.flush();
      return ExitCode.OK;
    }
  }

  private static String state(DemoImage.Outcome outcome) {
    if (outcome.method() == null) {
      return "already on the engine, not built by vlab";
    }
    return (outcome.built() ? "built" : "up to date") + " (" + outcome.method().label() + ")";
  }
}
