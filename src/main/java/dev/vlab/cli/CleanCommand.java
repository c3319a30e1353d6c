package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.clean.Cleaner;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineConnector;
import dev.vlab.engine.Labels;
import dev.vlab.image.DemoImage;
import dev.vlab.report.Json;
import dev.vlab.scenario.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vlab clean}: removes what runs of vlab left behind, and only that. */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Remove what runs of vlab left behind: containers, volumes and run folders.",
      "%nA run is left over when the vlab process that made it is gone (killed, crashed, or"
          + " finished with --keep). Runs whose vlab still runs are never touched, so clean is"
          + " safe while others use the same engine. Every object's labels are checked again"
          + " just before it is removed; nothing vlab did not label is ever touched."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  vlab clean --dry-run        list what would go",
      "  vlab clean                  remove what runs no longer running left",
      "  vlab clean --run 3fa2c1     remove that run, also one made on another host",
      "  vlab clean --images         also remove the demo image vlab built"
    })
final class CleanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JsonOption output;

  @Option(names = "--dry-run", description = "Only list what would be removed.")
  boolean dryRun;

  @Option(
      names = "--run",
      paramLabel = "ID",
      description =
          "Only this run (repeatable). A named run is removed even when made on another host or"
              + " by a vlab that did not record its process, unless its vlab still runs here.")
  List<String> runs = new ArrayList<>();

  @Option(
      names = "--images",
      description = "Also remove the demo image, if vlab built it and no container uses it.")
  boolean images;

  /** The JSON output: the lines of the text output, sorted by what became of them. */
  record Report(
      boolean dryRun, List<String> removed, List<String> leftAlone, List<String> failed) {}

  @Override
  public Integer call() {
    try (Engine engine = EngineConnector.connect()) {
      Cleaner.Outcome outcome = engine.whileAnswering("cleaning", () -> clean(engine));
      print(outcome);
      return outcome.failed().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
  }

  private Cleaner.Outcome clean(Engine engine) {
    Cleaner.Outcome outcome =
        new Cleaner(engine, Workspace.defaultRoot(), dryRun).clean(new LinkedHashSet<>(runs));
    if (images) {
      cleanImage(engine, outcome);
    }
    return outcome;
  }

  private void cleanImage(Engine engine, Cleaner.Outcome outcome) {
    String name = DemoImage.configuredName();
    boolean built =
        engine
            .inspectImage(name)
            .map(i -> i.getConfig() == null ? null : i.getConfig().getLabels())
            .map(labels -> labels.containsKey(Labels.SOURCE_HASH))
            .orElse(false);
    if (!built) {
      outcome.leftAlone().add("image " + name + ": not there, or not built by vlab");
    } else if (dryRun) {
      outcome.removed().add("would remove image " + name);
    } else {
      // TODO: a run between its image check and its first container loses the image to --images
      switch (engine.removeImage(name)) {
        case REMOVED -> outcome.removed().add("removed image " + name);
        case IN_USE -> outcome.failed().add("image " + name + " is used by a container; it stays");
        case ABSENT -> outcome.leftAlone().add("image " + name + ": already gone");
      }
    }
  }

  private void print(Cleaner.Outcome outcome) {
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(
          Json.write(new Report(dryRun, outcome.removed(), outcome.leftAlone(), outcome.failed())));
    } else {
      outcome.removed().forEach(line -> out.println(capitalized(line)));
      outcome.leftAlone().forEach(line -> out.println("Left alone: " + line));
      outcome.failed().forEach(line -> out.println("Not removed: " + line));
      if (outcome.removed().isEmpty()) {
        out.println(dryRun ? "Nothing would be removed." : "Nothing to remove.");
      }
    }
    out.flush();
  }

  private static String capitalized(String line) {
    return Character.toUpperCase(line.charAt(0)) + line.substring(1);
  }
}
