package dev.vlab.instructor;

import java.util.List;

/** A handout as plain text, wrapped for a terminal or a printer. */
final class TextPage implements Page {
  private static final int WIDTH = 78;

  private final StringBuilder text = new StringBuilder();

  @Override
  public void title(String title) {
    line(title).line("=".repeat(title.length())).line("");
  }

  @Override
  public void part(String part) {
    line("").line(part).line("-".repeat(part.length())).line("");
  }

  @Override
  public void step(int number, String title) {
    line("Step " + number + " · " + title);
  }

  @Override
  public void paragraph(String paragraph) {
    StepScreen.wrap(paragraph, WIDTH).forEach(this::line);
    line("");
  }

  @Override
  public void commands(List<String> commands) {
    commands.forEach(c -> line("    $ " + c));
    line("");
  }

  @Override
  public void see(String seen) {
    paragraph("You should see: " + seen);
  }

  @Override
  public void note(String label, String note) {
    paragraph(label + ": " + note);
  }

  @Override
  public String text() {
    return text.toString();
  }

  private TextPage line(String line) {
    text.append(line).append(System.lineSeparator());
    return this;
  }
}
