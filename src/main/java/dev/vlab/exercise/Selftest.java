package dev.vlab.exercise;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.image.DemoImage;
import dev.vlab.scenario.Cleanup;
import dev.vlab.scenario.Resources;
import dev.vlab.scenario.RunContext;
import dev.vlab.scenario.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests exercises themselves, for course authors: for each (and each setup variant), the check must
 * fail after the setup, then the reference solution is applied and the check must pass. Every test
 * runs under names of its own, and removes all it made, also on Ctrl-C.
 */
public final class Selftest {
  private static final Logger log = LoggerFactory.getLogger(Selftest.class);

  private final Engine engine;
  private final Path root;
  private final Duration timeout;
  private final Consumer<String> progress;

  /**
   * @param root vlab's folder, where each test gets a folder of its own for the student's folders
   */
  public Selftest(Engine engine, Path root, Duration timeout, Consumer<String> progress) {
    this.engine = engine;
    this.root = root;
    this.timeout = timeout;
    this.progress = progress;
  }

  /** Tests the exercise once per setup variant, or once when it has no setup. */
  public List<SelftestResult> test(Exercise exercise) {
    List<String> variants = new ArrayList<>(exercise.setup().keySet());
    if (variants.isEmpty()) {
      variants.add(null);
    }
    List<SelftestResult> results = new ArrayList<>();
    for (String variant : variants) {
      results.add(test(exercise, variant));
    }
    return results;
  }

  private SelftestResult test(Exercise exercise, String variant) {
    String runId = RunContext.newRunId();
    String prefix = "vlab-" + runId + "-";
    Workspace workspace = new Workspace(root, runId);
    Resources resources = new Resources();
    RunContext run =
        new RunContext(
            runId,
            engine,
            DemoImage.NAME,
            workspace,
            resources,
            timeout,
            RunContext.DEFAULT_PUBLISH_ADDRESS,
            progress);
    List<String> commands = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    Attempt attempt = new Attempt();
    try (Cleanup cleanup =
        new Cleanup(run, false, line -> removed.add(line.replaceFirst("^Removed ", "")))) {
      Names names = new Names(prefix, image(exercise, prefix), workDir(workspace, exercise));
      attempt.run(exercise, variant, names, runId, resources, commands);
    } catch (VlabException e) {
      if (e.exitCode() != ExitCode.FAILED) {
        throw e;
      }
      log.debug("self-test of {} stopped", exercise.id(), e);
      attempt.error = e.getMessage();
    }
    boolean ok =
        attempt.error == null
            && attempt.before != null
            && !attempt.before.passed()
            && attempt.after != null
            && attempt.after.passed();
    return new SelftestResult(
        exercise.id(),
        runId,
        variant,
        ok,
        attempt.before,
        attempt.after,
        attempt.error,
        List.copyOf(commands),
        List.copyOf(removed));
  }

  /** An exercise whose solution builds the image builds one of its own name; others share it. */
  private static String image(Exercise exercise, String prefix) {
    return exercise.buildsImage() ? prefix + Names.IMAGE : DemoImage.NAME;
  }

  private static Path workDir(Workspace workspace, Exercise exercise) {
    try {
      return workspace.createFolder(exercise.id(), "work", 0755);
    } catch (IOException e) {
      throw VlabException.failed(
          "Could not make a folder for the self-test in " + workspace.runDir() + ": " + e, e);
    }
  }

  /** One self-test's steps, and how far it got. */
  private final class Attempt {
    private ExerciseResult before;
    private ExerciseResult after;
    private String error;

    void run(
        Exercise exercise,
        String variant,
        Names names,
        String runId,
        Resources resources,
        List<String> commands) {
      StepRunner steps =
          new StepRunner(
              engine,
              names,
              runId,
              Labels.forRun(runId, exercise.id()),
              resources,
              timeout,
              commands::add);
      // Each phase remembers its own marker notes and answers, as a fresh student would.
      Progress setupPhase = Progress.inMemory();
      if (variant != null) {
        commands.add("# the setup, variant " + variant);
        steps.run(exercise.setup().get(variant), () -> {}, setupPhase.of(exercise.id()));
      }
      before = new Checker(engine, names, setupPhase, timeout).check(exercise);
      progress.accept("[" + exercise.id() + "] before the solution: " + summary(before));
      Progress solutionPhase = Progress.inMemory();
      Checker checker = new Checker(engine, names, solutionPhase, timeout);
      commands.add("# the reference solution");
      steps.run(
          exercise.solution(),
          () -> {
            commands.add("vlab check " + exercise.id());
            checker.check(exercise);
          },
          solutionPhase.of(exercise.id()));
      after = checker.check(exercise);
      progress.accept("[" + exercise.id() + "] after the solution: " + summary(after));
    }
  }

  /** "passes", or the first failed check and its finding. */
  public static String summary(ExerciseResult result) {
    if (result.passed()) {
      return "passes";
    }
    CheckResult failed = result.firstFailure();
    if (failed == null) {
      return "does not pass";
    }
    return "fails: " + failed.check() + " (" + failed.finding() + ")";
  }
}
