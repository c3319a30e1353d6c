package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineConnector;
import dev.vlab.exercise.Exercise;
import dev.vlab.exercise.Names;
import dev.vlab.exercise.Progress;
import dev.vlab.exercise.Setup;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vlab exercise start ID}: prepares an exercise that starts from vlab's broken container.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Start an exercise that needs something prepared, such as fix-broken's broken container.",
      "%nWhat vlab made at an earlier start is replaced; what you made is left alone."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  vlab exercise start fix-broken",
      "  vlab exercise start fix-broken --variant wrong-path"
    })
final class ExerciseStartCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ExerciseStartCommand.class);

  @Spec CommandSpec spec;

  @Mixin LabsOption labs;

  @Mixin WorkshopOptions workshop;

  @Parameters(paramLabel = "ID", description = "The exercise's id (see 'vlab exercise list').")
  String id;

  @Option(
      names = "--variant",
      paramLabel = "NAME",
      description = "Which way to break it (default: one at random, so you have to find out).")
  String variant;

  @Override
  public Integer call() {
    Exercise exercise = labs.exercises().get(id);
    String chosen = variant(exercise);
    Names names = workshop.names();
    try (Engine engine = EngineConnector.connect()) {
      if (engine.inspectImage(names.image()).isEmpty()) {
        throw VlabException.usage(
            id
                + " runs the image "
                + names.image()
                + ", which is not there yet: do the exercise"
                + " build-image first (vlab exercise show build-image).");
      }
      // The commands would give the answer away; -v shows them.
      new Setup(engine, names, Duration.ofSeconds(60))
          .start(exercise, chosen, c -> log.debug("$ {}", c));
    }
    Progress progress = workshop.progress();
    progress.of(id).restart();
    progress.save();
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Started " + id + ". Your task: vlab exercise show " + id + "; then: vlab check " + id);
    out.flush();
    return ExitCode.OK;
  }

  private String variant(Exercise exercise) {
    List<String> variants = new ArrayList<>(exercise.setup().keySet());
    if (variants.isEmpty()) {
      throw VlabException.usage(
          id + " needs nothing prepared: 'vlab exercise show " + id + "' says what to do.");
    }
    if (variant == null) {
      return variants.get(new SecureRandom().nextInt(variants.size()));
    }
    if (!variants.contains(variant)) {
      throw VlabException.usage(
          "'" + variant + "' is not a variant of " + id + "; it has " + variants);
    }
    return variant;
  }
}
