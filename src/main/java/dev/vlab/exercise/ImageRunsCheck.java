package dev.vlab.exercise;

import dev.vlab.engine.ContainerSpec;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.image.DemoImage;
import dev.vlab.scenario.NotesClient;
import dev.vlab.scenario.Readiness;
import dev.vlab.scenario.RunContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check: image-runs}: a container of the image answers on port 3000. The check runs one of
 * its own, labelled as vlab's, and removes it at once; the student's containers are not touched.
 */
final class ImageRunsCheck implements Check {
  @Override
  public String describe(Names names) {
    return "a container of " + names.image() + " answers on port " + DemoImage.PORT;
  }

  @Override
  public Set<String> findings() {
    return Set.of("exits", "no-answer");
  }

  @Override
  public Set<String> placeholders() {
    return Set.of("logs");
  }

  @Override
  public Outcome run(CheckContext context) {
    String runId = RunContext.newRunId();
    ContainerSpec trial =
        new ContainerSpec(
            "vlab-"
                + runId
                + "-trying-"
                + context.names().image().replaceAll("[^A-Za-z0-9_.-]", "-"),
            context.names().image(),
            RunContext.DEFAULT_PUBLISH_ADDRESS,
            DemoImage.PORT,
            0,
            List.of(),
            Labels.forRun(runId, context.exerciseId()));
    String id = context.engine().runContainer(trial);
    try {
      return probe(context, id, trial.name());
    } finally {
      context.engine().removeContainer(id);
    }
  }

  private Outcome probe(CheckContext context, String id, String name) {
    Optional<NotesClient> app =
        context
            .engine()
            .inspectContainer(id)
            .flatMap(c -> Engine.hostPort(c, DemoImage.PORT))
            .map(NotesClient::new);
    if (app.isPresent()
        && Readiness.answersWithin(context.engine(), id, name, app.get(), context.timeout())) {
      return Outcome.pass("a trial container answered on port " + DemoImage.PORT);
    }
    String logs = context.logTail(id, 3);
    boolean running = context.engine().isRunning(id);
    return running
        ? Outcome.fail(
            "no-answer",
            "a trial container ran, but nothing answered on port "
                + DemoImage.PORT
                + " within "
                + context.timeout().toSeconds()
                + " s",
            Map.of("logs", logs))
        : Outcome.fail("exits", "a trial container stopped at once", Map.of("logs", logs));
  }
}
