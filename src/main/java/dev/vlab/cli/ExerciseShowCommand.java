package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.exercise.Exercise;
import dev.vlab.exercise.Names;
import dev.vlab.report.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vlab exercise show ID}: the task, in the workshop's names. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Show an exercise's task: what to build, run and prove.",
    footerHeading = "%nExamples:%n",
    footer = {"  vlab exercise show ephemeral", "  vlab exercise show bind-mount --prefix alice-"})
final class ExerciseShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LabsOption labs;

  @Mixin WorkshopOptions workshop;

  @Mixin JsonOption output;

  @Parameters(paramLabel = "ID", description = "The exercise's id (see 'vlab exercise list').")
  String id;

  @Override
  public Integer call() {
    Exercise exercise = labs.exercises().get(id);
    Names names = workshop.names();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("id", exercise.id());
      shown.put("title", exercise.title());
      shown.put("lab", exercise.lab());
      shown.put("task", exercise.task(names));
      shown.put("setupVariants", exercise.setup().keySet());
      out.println(Json.write(shown));
    } else {
      out.println(exercise.id() + ": " + exercise.title());
      out.println();
      out.println(exercise.task(names));
      out.println();
      out.println("Check your work: vlab check " + exercise.id());
      if (exercise.lab() != null) {
        out.println("See it happen:   vlab run-lab " + exercise.lab());
      }
    }
    out.flush();
    return ExitCode.OK;
  }
}
