package dev.vlab.report;

import dev.vlab.exercise.Selftest;
import dev.vlab.exercise.SelftestResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * The course author's report of {@code vlab exercise selftest}: can each check tell right from
 * wrong.
 */
public final class SelftestReport {
  private SelftestReport() {}

  public static void print(List<SelftestResult> results, PrintWriter out) {
    for (SelftestResult result : results) {
      out.println("== " + result.name() + ": " + (result.ok() ? "ok" : "BROKEN") + " ==");
      out.println(
          "  before the solution: "
              + (result.before() == null ? "-" : Selftest.summary(result.before())));
      result.commands().forEach(c -> out.println("  $ " + c));
      out.println(
          "  after the solution:  "
              + (result.after() == null ? "-" : Selftest.summary(result.after())));
      if (result.error() != null) {
        out.println("  error: " + result.error());
      }
      if (!result.removed().isEmpty()) {
        out.println(
            "  " + Wrap.indented("cleaned up: " + String.join(", ", result.removed()), 2, "    "));
      }
      if (!result.ok()) {
        out.println("  " + Wrap.indented(why(result), 2, "  "));
      }
      out.println();
    }
    long ok = results.stream().filter(SelftestResult::ok).count();
    out.println(
        ok == results.size()
            ? "Every exercise test tells right from wrong (" + ok + " run)."
            : (results.size() - ok)
                + " of "
                + results.size()
                + " exercise tests are broken; see above.");
    out.flush();
  }

  private static String why(SelftestResult result) {
    if (result.error() != null) {
      return "The setup or the reference solution could not be carried out.";
    }
    if (result.before() != null && result.before().passed()) {
      return "The check passes before the solution: it cannot tell a student who did nothing from one who did it right.";
    }
    return "The check does not pass after the reference solution: either the check or the solution is wrong.";
  }
}
