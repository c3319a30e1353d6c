package dev.vlab.instructor;

import dev.vlab.lab.Lab;
import dev.vlab.lab.Workshop;
import dev.vlab.scenario.ScenarioResult;
import dev.vlab.terminal.Styles;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What step mode prints, laid out for a projector: a heading per scenario, the step's explanation,
 * its command set apart, what happened, and the verdict. Colour only where {@link Styles} allows.
 */
final class StepScreen {
  private static final int WIDTH = 78;
  private static final String INDENT = "  ";

  private final PrintWriter out;
  private final Styles styles;
  private final boolean erasable;
  private final int total;

  /**
   * @param erasable whether {@code out} is a terminal, where an answered prompt can be erased
   */
  StepScreen(PrintWriter out, Styles styles, boolean erasable, int total) {
    this.out = out;
    this.styles = styles;
    this.erasable = erasable;
    this.total = total;
  }

  void title(Workshop workshop) {
    out.println(styles.heading(workshop.title()));
    paragraph(workshop.intro());
    out.println();
    out.flush();
  }

  void part(int index, int count, Lab lab) {
    out.println();
    out.println(
        styles.heading(
            "Part " + index + " of " + count + ": " + lab.title() + " (" + lab.id() + ")"));
    paragraph(lab.summary());
    out.flush();
  }

  /** A step about to run, in full: its heading, its explanation, its command. */
  void step(int number, String title, String text, String command) {
    out.println();
    out.println(styles.strong(position(number) + title));
    paragraph(text);
    out.println();
    out.println(INDENT + INDENT + styles.command("$ " + command));
    out.println();
    out.flush();
  }

  /** A step run without a pause, before the one {@code --from} names: one line. */
  void passed(int number, String command) {
    out.println(styles.dim(INDENT + position(number) + "ran: " + command));
    out.flush();
  }

  /** The question before a step; answered by {@link #answered}. */
  void prompt(boolean required, String labId, Duration auto) {
    String skip = required ? "s skips it and the rest of " + labId : "s skips it";
    String wait = auto == null ? "" : " (runs by itself in " + auto.toSeconds() + " s)";
    out.print(INDENT + styles.prompt("Enter runs it, " + skip + ", q quits" + wait + " > "));
    out.flush();
  }

  /** Takes the answered prompt off the screen; where it cannot, ends its line. */
  void answered() {
    out.print(erasable ? "\r\u001b[2K" : System.lineSeparator());
    out.flush();
  }

  void outcome(String line) {
    out.println(INDENT + "> " + line);
    out.flush();
  }

  void note(String line) {
    out.println(styles.dim(INDENT + line));
    out.flush();
  }

  void skipped(String what) {
    out.println(INDENT + styles.prompt("Skipped" + what + "."));
    out.flush();
  }

  void stopped(String line) {
    out.println(INDENT + styles.prompt(line));
    out.flush();
  }

  void verdict(ScenarioResult result) {
    out.println();
    if (result.error() != null) {
      out.println(INDENT + styles.bad("Error: ") + result.error());
    } else if (result.asExpected()) {
      out.println(INDENT + styles.good("As expected."));
    } else {
      out.println(INDENT + styles.bad("NOT as expected."));
    }
    out.println(INDENT + styles.strong("Lesson:"));
    paragraph(result.explanation());
    out.flush();
  }

  /** One line per lab: how it went, or why it did not. */
  void summary(List<String[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    out.println();
    out.println(styles.heading("Summary"));
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    for (String[] row : rows) {
      out.printf("%s%-" + width + "s  %s%n", INDENT, row[0], row[1]);
    }
    out.flush();
  }

  private String position(int number) {
    return number > 0 ? "Step " + number + "/" + total + " · " : "";
  }

  private void paragraph(String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (String line : wrap(Lab.oneLine(text), WIDTH - INDENT.length())) {
      out.println(INDENT + line);
    }
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
