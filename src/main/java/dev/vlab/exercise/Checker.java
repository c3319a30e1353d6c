package dev.vlab.exercise;

import dev.vlab.engine.Engine;
import dev.vlab.exercise.Exercise.ExerciseCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an exercise's checks against the student's engine, in order. The first failure stops it: its
 * hint is about the student's actual mistake, and the checks after it would only repeat it.
 */
public final class Checker {
  private final Engine engine;
  private final Names names;
  private final Progress progress;
  private final Duration timeout;

  /**
   * @param timeout how long the student's app may take to answer
   */
  public Checker(Engine engine, Names names, Progress progress, Duration timeout) {
    this.engine = engine;
    this.names = names;
    this.progress = progress;
    this.timeout = timeout;
  }

  public ExerciseResult check(Exercise exercise) {
    ExerciseProgress remembered = progress.of(exercise.id());
    CheckContext context = new CheckContext(engine, names, remembered, timeout, exercise.id());
    List<CheckResult> results = new ArrayList<>();
    boolean failed = false;
    for (ExerciseCheck check : exercise.checks()) {
      String what = check.check().describe(names);
      if (failed) {
        results.add(
            new CheckResult(
                what, CheckResult.SKIPPED, null, "not checked: an earlier check failed", null));
        continue;
      }
      CheckResult result = run(exercise, check, context, what);
      failed = !result.status().equals(CheckResult.PASS);
      results.add(result);
    }
    if (!failed) {
      remembered.passed();
    }
    return new ExerciseResult(
        exercise.id(),
        exercise.title(),
        !failed,
        List.copyOf(results),
        failed ? null : exercise.question(names));
  }

  private CheckResult run(
      Exercise exercise, ExerciseCheck check, CheckContext context, String what) {
    Outcome outcome;
    try {
      outcome = check.check().run(context);
    } catch (CheckSkipped e) {
      return new CheckResult(what, CheckResult.SKIPPED, null, e.getMessage(), null);
    }
    if (outcome.passed()) {
      return new CheckResult(what, CheckResult.PASS, null, outcome.detail(), null);
    }
    Map<String, String> values = new HashMap<>(exercise.nameValues(names));
    values.putAll(outcome.values());
    String hint = Template.fill(check.hints().get(outcome.finding()).strip(), values);
    return new CheckResult(what, CheckResult.FAIL, outcome.finding(), outcome.detail(), hint);
  }
}
