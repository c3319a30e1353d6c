package dev.vlab.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What vlab's standard streams are attached to, and what follows: colours only on a terminal that
 * supports them and only without {@code NO_COLOR}; a live progress line only on a terminal outside
 * CI.
 *
 * @param input stdin is a terminal, so a person can answer
 * @param output stdout is a terminal, so a line can be erased and written again
 * @param colour stdout may carry colour codes
 * @param live stderr may carry a progress line that redraws itself
 */
public record Terminal(boolean input, boolean output, boolean colour, boolean live) {
  /** No terminal anywhere: plain lines, no questions. What tests that capture output get. */
  public static final Terminal NONE = new Terminal(false, false, false, false);

  /** The terminal of this process, from its file descriptors and environment. */
  public static Terminal detect() {
    return of(isTerminal(0), isTerminal(1), isTerminal(2), System.getenv());
  }

  /** The rules, apart from how the streams are found to be terminals. */
  static Terminal of(boolean in, boolean out, boolean err, Map<String, String> env) {
    boolean dumb = "dumb".equals(env.get("TERM"));
    // https://no-color.org: set and not empty means no colour.
    boolean noColour = env.get("NO_COLOR") != null && !env.get("NO_COLOR").isEmpty();
    String ci = env.get("CI");
    boolean inCi = ci != null && !ci.isEmpty() && !"false".equalsIgnoreCase(ci);
    return new Terminal(in, out && !dumb, out && !dumb && !noColour, err && !dumb && !inCi);
  }

  /**
   * Java 17 cannot ask isatty(3) directly; on Linux the descriptor's link names the device. Where
   * there is no /proc, the console the JVM was given stands in for all three streams.
   */
  // TODO: without /proc (macOS) a stderr sent to a file may still get the live progress line.
  private static boolean isTerminal(int fd) {
    try {
      String device = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return device.startsWith("/dev/pts/")
          || device.startsWith("/dev/tty")
          || device.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
  }
}
