package dev.vlab.report;

import dev.vlab.scenario.ScenarioResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The human report of a run: each scenario's commands and evidence, then a summary table. */
public final class TextReport {
  private TextReport() {}

  public static void print(RunReport report, PrintWriter out) {
    for (ScenarioResult scenario : report.scenarios()) {
      printScenario(scenario, out);
    }
    printTable(report.scenarios(), out);
    out.println();
    long failed = report.scenarios().stream().filter(s -> !s.acceptable()).count();
    long notHere = report.scenarios().stream().filter(s -> s.notReproducible() != null).count();
    out.println(
        failed == 0
            ? "All "
                + report.scenarios().size()
                + " scenarios behaved as expected"
                + (notHere == 0 ? "." : ", or could not show their lesson on this engine.")
            : failed
                + " of "
                + report.scenarios().size()
                + " scenarios did not behave as expected;"
                + " see their evidence above.");
    out.flush();
  }

  private static void printScenario(ScenarioResult scenario, PrintWriter out) {
    out.println("== " + scenario.id() + ": " + scenario.title() + " ==");
    out.println("Commands (what vlab did, as you would type it):");
    scenario.commands().forEach(c -> out.println("  $ " + c));
    out.println("Evidence:");
    scenario.evidence().forEach(e -> out.println("  - " + e));
    if (scenario.error() != null) {
      out.println("Error: " + scenario.error());
    }
    out.println(verdict(scenario) + ": " + scenario.explanation());
    out.println();
  }

  private static void printTable(List<ScenarioResult> scenarios, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SCENARIO", "WRITE", "SURVIVED", "EXPECTED", "VERDICT", "WHY"});
    for (ScenarioResult s : scenarios) {
      rows.add(
          new String[] {
            s.id(),
            s.error() != null ? "-" : s.writeSucceeded() ? "ok" : "failed",
            s.error() != null ? "-" : s.survived() ? "yes" : "no",
            (s.expected().writeSucceeds() ? "ok" : "failed")
                + "/"
                + (s.expected().dataSurvives() ? "yes" : "no"),
            verdict(s),
            s.error() != null ? firstLine(s.error()) : s.why()
          });
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.println(line.append(row[5]).toString().stripTrailing());
    }
  }

  private static String verdict(ScenarioResult s) {
    if (s.error() != null) {
      return "ERROR";
    }
    if (s.notReproducible() != null) {
      return "not reproducible here";
    }
    return s.asExpected() ? "as expected" : "NOT as expected";
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }
}
