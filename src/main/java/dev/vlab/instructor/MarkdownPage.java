package dev.vlab.instructor;

import java.util.List;

/** A handout as Markdown, for a course site or a PDF. */
final class MarkdownPage implements Page {
  private final StringBuilder text = new StringBuilder();

  @Override
  public void title(String title) {
    block("# " + title);
  }

  @Override
  public void part(String part) {
    block("## " + part);
  }

  @Override
  public void step(int number, String title) {
    block("### Step " + number + " · " + title);
  }

  @Override
  public void paragraph(String paragraph) {
    block(paragraph);
  }

  @Override
  public void commands(List<String> commands) {
    block("```sh\n" + String.join("\n", commands) + "\n```");
  }

  @Override
  public void see(String seen) {
    block("*You should see:* " + seen);
  }

  @Override
  public void note(String label, String note) {
    block("**" + label + ":** " + note);
  }

  @Override
  public String text() {
    return text.toString();
  }

  private void block(String block) {
    text.append(block).append("\n\n");
  }
}
