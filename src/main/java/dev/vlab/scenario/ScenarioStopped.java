package dev.vlab.scenario;

import dev.vlab.scenario.StepObserver.Decision;

/**
 * Thrown out of {@link ScenarioRunner#run} when the observer skipped a step that the rest of the
 * scenario needs ({@link Decision#SKIP}), or stopped the run ({@link Decision#QUIT}). What the
 * scenario created so far stays registered, for the run's cleanup.
 */
public final class ScenarioStopped extends RuntimeException {
  private final transient Step step;
  private final Decision decision;

  ScenarioStopped(Step step, Decision decision) {
    super(decision + " at " + step.labId() + ":" + step.kind().key(), null, false, false);
    this.step = step;
    this.decision = decision;
  }

  public Step step() {
    return step;
  }

  /** True when the whole run stops, false when only this scenario does. */
  public boolean quit() {
    return decision == Decision.QUIT;
  }
}
