package dev.vlab.scenario;

/** Hears about each step of a scenario as it runs: the docker command, then what it did. */
public interface StepObserver {
  StepObserver NONE = new StepObserver() {};

  /** Called before a step runs, with the docker CLI command equivalent to it. */
  default void before(String labId, String command) {}

  /** Called after a step ran, with a short account of what happened. */
  default void after(String labId, String command, String outcome) {}
}
