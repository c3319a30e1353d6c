package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.exercise.Exercise;
import dev.vlab.exercise.ExerciseCatalog;
import dev.vlab.exercise.Progress;
import dev.vlab.report.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vlab exercise list}: the exercises, each marked done once a check passed it. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "List the exercises, marked [x] once 'vlab check' passed them.",
    footerHeading = "%nExamples:%n",
    footer = {"  vlab exercise list", "  vlab exercise list --json"})
final class ExerciseListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LabsOption labs;

  @Mixin WorkshopOptions workshop;

  @Mixin JsonOption output;

  @Override
  public Integer call() {
    ExerciseCatalog catalog = labs.exercises();
    Progress progress = workshop.progress();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(
          Json.write(
              Map.of(
                  "exercises",
                  catalog.exercises().stream()
                      .map(e -> row(e, progress.isDone(e.id())))
                      .toList())));
    } else {
      int width = catalog.exercises().stream().mapToInt(e -> e.id().length()).max().orElse(0);
      for (Exercise exercise : catalog.exercises()) {
        out.printf(
            "[%s] %-" + width + "s  %s%n",
            progress.isDone(exercise.id()) ? "x" : " ",
            exercise.id(),
            exercise.title());
      }
      out.println();
      out.println("'vlab exercise show ID' gives the task; 'vlab check ID' checks your work.");
    }
    out.flush();
    return ExitCode.OK;
  }

  private static Map<String, Object> row(Exercise exercise, boolean done) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", exercise.id());
    row.put("title", exercise.title());
    row.put("lab", exercise.lab());
    row.put("done", done);
    return row;
  }
}
