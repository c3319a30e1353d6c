package dev.vlab.report;

import dev.vlab.exercise.CheckResult;
import dev.vlab.exercise.ExerciseResult;
import java.io.PrintWriter;
import java.util.List;

/** The student's report of {@code vlab check}: each check, and for a failed one the hint. */
public final class CheckReport {
  private static final String INDENT = "        ";

  private CheckReport() {}

  public static void print(List<ExerciseResult> results, PrintWriter out) {
    for (ExerciseResult result : results) {
      printExercise(result, out);
    }
    if (results.size() > 1) {
      long passed = results.stream().filter(ExerciseResult::passed).count();
      out.println(passed + " of " + results.size() + " exercises pass.");
    }
    out.flush();
  }

  private static void printExercise(ExerciseResult result, PrintWriter out) {
    out.println("== " + result.id() + ": " + result.title() + " ==");
    for (CheckResult check : result.checks()) {
      out.println("  " + mark(check.status()) + check.check());
      if (check.status().equals(CheckResult.FAIL)) {
        out.println(INDENT + "found: " + Wrap.indented(check.detail(), 15, INDENT + "       "));
        out.println(INDENT + "hint:  " + Wrap.indented(check.hint(), 15, INDENT + "       "));
      } else if (check.status().equals(CheckResult.SKIPPED)
          && !check.detail().startsWith("not checked")) {
        out.println(INDENT + Wrap.indented(check.detail(), INDENT.length(), INDENT));
      }
    }
    if (result.passed()) {
      out.println("PASSED." + (result.question() == null ? "" : " And now a question:"));
      if (result.question() != null) {
        out.println("  " + Wrap.indented(result.question(), 2, "  "));
      }
    } else {
      out.println("Not yet: see the hint above, then run 'vlab check " + result.id() + "' again.");
    }
    out.println();
  }

  private static String mark(String status) {
    return switch (status) {
      case CheckResult.PASS -> "ok    ";
      case CheckResult.FAIL -> "FAIL  ";
      default -> "-     ";
    };
  }
}
