package dev.vlab.exercise;

import java.util.List;

/**
 * How one exercise's checks went.
 *
 * @param question asked once it passes, or null
 */
public record ExerciseResult(
    String id, String title, boolean passed, List<CheckResult> checks, String question) {

  /** The first failed check, whose hint is the one to act on. */
  public CheckResult firstFailure() {
    return checks.stream()
        .filter(c -> c.status().equals(CheckResult.FAIL))
        .findFirst()
        .orElse(null);
  }
}
