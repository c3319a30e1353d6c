package dev.vlab.exercise;

import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.scenario.Resources;
import dev.vlab.scenario.RunContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Prepares an exercise that starts from something vlab makes, such as a broken container. What it
 * made at an earlier start it replaces; what the student made it leaves alone, and says so.
 */
public final class Setup {
  private final Engine engine;
  private final Names names;
  private final Duration timeout;

  public Setup(Engine engine, Names names, Duration timeout) {
    this.engine = engine;
    this.names = names;
    this.timeout = timeout;
  }

  /**
   * Takes the variant's steps.
   *
   * @param commands hears the docker command equivalent to each step
   */
  public void start(Exercise exercise, String variant, Consumer<String> commands) {
    List<Step> steps = exercise.setup().get(variant);
    for (Step step : steps) {
      if (step.action() == Step.Action.RUN) {
        replaceContainer(exercise, names.container(step.container()));
      }
    }
    for (Step step : steps) {
      if (step.action() == Step.Action.VOLUME_CREATE) {
        replaceVolume(exercise, names.volume(step.volume()));
      }
    }
    String runId = RunContext.newRunId();
    new StepRunner(
            engine,
            names,
            runId,
            Labels.forRun(runId, exercise.id()),
            new Resources(),
            timeout,
            commands)
        .run(steps, () -> {}, new ExerciseProgress());
  }

  private void replaceContainer(Exercise exercise, String name) {
    engine
        .inspectContainer(name)
        .ifPresent(
            c -> {
              if (!madeFor(exercise, c.getConfig().getLabels())) {
                throw taken("container", name, "docker rm -f " + name);
              }
              engine.removeContainer(c.getId());
            });
  }

  private void replaceVolume(Exercise exercise, String name) {
    engine
        .inspectVolume(name)
        .ifPresent(
            v -> {
              if (!madeFor(exercise, v.getLabels()) || !engine.removeVolume(name)) {
                throw taken("volume", name, "docker volume rm " + name);
              }
            });
  }

  /** Whether vlab made it at an earlier start of this exercise. */
  private static boolean madeFor(Exercise exercise, Map<String, String> labels) {
    return labels != null
        && "true".equals(labels.get(Labels.MANAGED))
        && exercise.id().equals(labels.get(Labels.LAB));
  }

  private static VlabException taken(String kind, String name, String removal) {
    return VlabException.failed(
        "A "
            + kind
            + " named "
            + name
            + " is there, and it is yours (or still in use), so vlab leaves it alone. To start"
            + " the exercise over, remove it ('"
            + removal
            + "') and start again.",
        null);
  }
}
