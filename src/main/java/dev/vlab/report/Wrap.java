package dev.vlab.report;

import java.util.ArrayList;
import java.util.List;

/** Breaks long texts, such as hints, into lines for a terminal. */
final class Wrap {
  static final int WIDTH = 100;

  private Wrap() {}

  /** {@code text} in lines of at most {@link #WIDTH} columns, each but the first indented. */
  static String indented(String text, int firstWidth, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int width = WIDTH - firstWidth;
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
        width = WIDTH - indent.length();
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return String.join("\n" + indent, lines);
  }
}
