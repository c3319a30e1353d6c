package dev.vlab.exercise;

import java.util.List;

/**
 * How one exercise fared in a self-test: its check must fail before the reference solution and pass
 * after it.
 *
 * @param runId part of every name the test used, and of the label on all it made
 * @param variant the setup variant tried, or null when the exercise has no setup
 * @param before how the check went before the solution
 * @param after how it went after the solution, or null when the test did not get that far
 * @param error why the test could not run to the end, or null
 * @param commands what the solution did, as docker commands
 */
public record SelftestResult(
    String id,
    String runId,
    String variant,
    boolean ok,
    ExerciseResult before,
    ExerciseResult after,
    String error,
    List<String> commands,
    List<String> removed) {

  /**
   * The exercise's id, with its setup variant when there is one: {@code fix-broken[wrong-path]}.
   */
  public String name() {
    return variant == null ? id : id + "[" + variant + "]";
  }
}
