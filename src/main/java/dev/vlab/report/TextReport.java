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
    out.println(summary(report.scenarios()));
    out.flush();
  }

  private static String summary(List<ScenarioResult> scenarios) {
    long errors = scenarios.stream().filter(s -> s.error() != null).count();
    long surprises = scenarios.stream().filter(s -> s.error() == null && !s.acceptable()).count();
    long notHere = scenarios.stream().filter(s -> s.notReproducible() != null).count();
    if (errors == 0 && surprises == 0) {
      String all =
          scenarios.size() == 1 ? "The scenario" : "All " + scenarios.size() + " scenarios";
      return all
          + " behaved as expected"
          + (notHere == 0 ? "." : ", or could not show their lesson on this engine.");
    }
    StringBuilder text = new StringBuilder();
    if (surprises > 0) {
      text.append(count(surprises)).append(" did not behave as expected");
    }
    if (errors > 0) {
      text.append(surprises > 0 ? "; " : "")
          .append(count(errors))
          .append(" could not run to the end");
    }
    return text.append(" (of ")
        .append(scenarios.size())
        .append("); see the evidence above.")
        .toString();
  }

  private static String count(long n) {
    return n == 1 ? "1 scenario" : n + " scenarios";
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
