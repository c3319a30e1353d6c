package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineConnector;
import dev.vlab.exercise.Checker;
import dev.vlab.exercise.Exercise;
import dev.vlab.exercise.ExerciseResult;
import dev.vlab.exercise.Progress;
import dev.vlab.report.CheckReport;
import dev.vlab.report.JUnitReport;
import dev.vlab.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vlab check}: inspects the student's engine and says, per exercise, pass or what to fix.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Check your work on an exercise: pass, or a hint about what is wrong and how to fix it.",
      "%nReads your containers, volumes, images and published ports, and talks to your app. It"
          + " never removes, stops or changes them; to prove a note survives your own"
          + " remove-and-run-again, it writes a note through the app and looks for it next time."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  vlab check bind-mount",
      "  vlab check named-volume --answer /var/lib/docker/volumes/notesvol/_data",
      "  vlab check --all --junit results.xml",
      "  vlab check --all --json > results.json",
      "  vlab check ephemeral --prefix alice-     (alice-demo1 on a shared engine)"
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LabsOption labs;

  @Mixin WorkshopOptions workshop;

  @Mixin JsonOption output;

  @Parameters(
      arity = "0..*",
      paramLabel = "ID",
      description = "Exercise ids (see 'vlab exercise list').")
  List<String> ids = new ArrayList<>();

  @Option(names = "--all", description = "Check every exercise.")
  boolean all;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description = "Also write the results as JUnit XML to FILE, for grading in CI.")
  Path junit;

  @Option(
      names = "--answer",
      paramLabel = "TEXT",
      description = "Your answer to the exercise's question, such as where a volume lives.")
  String answer;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description = "How long your app may take to answer (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() {
    List<Exercise> chosen = choose();
    Progress progress = workshop.progress();
    if (answer != null) {
      progress.of(chosen.get(0).id()).answer(answer);
    }
    List<ExerciseResult> results = new ArrayList<>();
    try (Engine engine = EngineConnector.connect()) {
      Checker checker =
          new Checker(engine, workshop.names(), progress, Duration.ofSeconds(timeoutSeconds));
      try {
        for (Exercise exercise : chosen) {
          results.add(checker.check(exercise));
        }
      } finally {
        // A marker note written before a later failure must still be remembered.
        progress.save();
      }
    }
    report(results);
    return results.stream().allMatch(ExerciseResult::passed)
        ? ExitCode.OK
        : ExitCode.NOT_AS_EXPECTED;
  }

  private List<Exercise> choose() {
    if (all == !ids.isEmpty()) {
      throw VlabException.usage(
          "Name the exercises to check, or give --all, not both. 'vlab exercise list' shows them.");
    }
    if (answer != null && ids.size() != 1) {
      throw VlabException.usage("--answer goes with one exercise: vlab check ID --answer TEXT.");
    }
    return labs.exercises().select(all ? List.of() : ids);
  }

  private void report(List<ExerciseResult> results) {
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(Json.write(Map.of("exercises", results)));
      out.flush();
    } else {
      CheckReport.print(results, out);
    }
    if (junit != null) {
      try {
        JUnitReport.write(results, junit);
      } catch (IOException e) {
        throw VlabException.failed(
            "Could not write the JUnit report " + junit + ": " + e.getMessage(), e);
      }
    }
  }
}
