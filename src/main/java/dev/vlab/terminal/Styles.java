package dev.vlab.terminal;

/** Text styles for a projector: ANSI colours on a colour terminal, plain text anywhere else. */
public final class Styles {
  private static final String RESET = "\u001b[0m";

  private final boolean colour;

  private Styles(boolean colour) {
    this.colour = colour;
  }

  public static Styles of(boolean colour) {
    return new Styles(colour);
  }

  public String heading(String text) {
    return paint("1;4", text);
  }

  public String strong(String text) {
    return paint("1", text);
  }

  public String command(String text) {
    return paint("1;36", text);
  }

  public String prompt(String text) {
    return paint("33", text);
  }

  public String dim(String text) {
    return paint("2", text);
  }

  public String good(String text) {
    return paint("1;32", text);
  }

  public String bad(String text) {
    return paint("1;31", text);
  }

  private String paint(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + RESET : text;
  }
}
