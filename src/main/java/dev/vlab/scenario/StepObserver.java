package dev.vlab.scenario;

/**
 * Hears about each step of a scenario as it runs: the docker command before, what happened after.
 * Before a step it may also decide to skip it, or to stop the whole run.
 */
public interface StepObserver {
  StepObserver NONE = new StepObserver() {};

  /** What to do with the step about to run. */
  enum Decision {
    RUN,
    /** Leave the step out; when later steps need it, the rest of the scenario too. */
    SKIP,
    /** Stop the run: no further step runs. */
    QUIT
  }

  /** Called before a step runs; the answer says whether it runs. */
  default Decision before(Step step) {
    return Decision.RUN;
  }

  /** Called after a step ran, once per line of what it did or showed. */
  default void after(Step step, String outcome) {}
}
