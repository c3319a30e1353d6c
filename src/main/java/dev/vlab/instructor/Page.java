package dev.vlab.instructor;

import java.util.List;

/** How a handout is laid out: plain text for a terminal or a printer, or Markdown. */
interface Page {
  void title(String text);

  void part(String text);

  void step(int number, String title);

  void paragraph(String text);

  void commands(List<String> commands);

  /** What a student should see after typing the commands. */
  void see(String text);

  /** A labelled paragraph, such as the lesson. */
  void note(String label, String text);

  String text();

  static Page of(Handout.Format format) {
    return format == Handout.Format.MARKDOWN ? new MarkdownPage() : new TextPage();
  }
}
