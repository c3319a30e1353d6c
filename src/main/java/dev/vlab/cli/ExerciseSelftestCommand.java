package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineConnector;
import dev.vlab.exercise.Exercise;
import dev.vlab.exercise.Selftest;
import dev.vlab.exercise.SelftestResult;
import dev.vlab.image.DemoImage;
import dev.vlab.report.Json;
import dev.vlab.report.SelftestReport;
import dev.vlab.scenario.Workspace;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vlab exercise selftest}: whether each exercise's check can tell right from wrong. */
@Command(
    name = "selftest",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Test exercises, for course authors: each check must fail before the reference solution and"
          + " pass after it.",
      "%nRuns under names of its own (vlab-<run id>-demo2 and so on), so it never meets a"
          + " student's work, and removes all it made, also on Ctrl-C."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  vlab exercise selftest",
      "  vlab exercise selftest bind-mount fix-broken",
      "  vlab exercise selftest --labs ./my-course --json"
    })
final class ExerciseSelftestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LabsOption labs;

  @Mixin JsonOption output;

  @Parameters(arity = "0..*", paramLabel = "ID", description = "Exercise ids; none means all.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "How long the app may take to answer (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() {
    List<Exercise> chosen = labs.exercises().select(ids);
    Consumer<String> progress = Cli.progress(spec);
    List<SelftestResult> results = new ArrayList<>();
    try (Engine engine = EngineConnector.connect()) {
      progress.accept(Cli.describe(engine));
      if (chosen.stream().anyMatch(e -> !e.buildsImage())) {
        DemoImage.bundled(engine, DemoImage.NAME, progress).ensure(null);
      }
      Selftest selftest =
          new Selftest(
              engine, Workspace.defaultRoot(), Duration.ofSeconds(timeoutSeconds), progress);
      for (Exercise exercise : chosen) {
        results.addAll(selftest.test(exercise));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(Json.write(Map.of("selftests", results)));
      out.flush();
    } else {
      SelftestReport.print(results, out);
    }
    return results.stream().allMatch(SelftestResult::ok) ? ExitCode.OK : ExitCode.NOT_AS_EXPECTED;
  }
}
