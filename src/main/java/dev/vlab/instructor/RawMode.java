package dev.vlab.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts the terminal on stdin into single-key mode, so that Enter, s or q act at once and are not
 * echoed, and restores it afterwards, also on Ctrl-C. Where {@code stty} fails, the terminal stays
 * as it is and a key simply needs Enter after it.
 */
final class RawMode implements AutoCloseable {
  private final String saved;
  private final Thread restoreOnExit;

  private RawMode(String saved) {
    this.saved = saved;
    this.restoreOnExit = new Thread(this::restore, "vlab-terminal");
    if (saved != null) {
      Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }
  }

  static RawMode enter() {
    String saved = stty("-g");
    if (saved == null || stty("-icanon", "-echo", "min", "1") == null) {
      return new RawMode(null);
    }
    return new RawMode(saved.strip());
  }

  private void restore() {
    if (saved != null) {
      stty(saved);
    }
  }

  @Override
  public void close() {
    restore();
    if (saved != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(restoreOnExit);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook restores the terminal.
      }
    }
  }

  /** Runs stty on vlab's own stdin; its output, or null when it failed. */
  private static String stty(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("stty"));
    command.addAll(List.of(args));
    try {
      Process stty =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean done = stty.waitFor(5, TimeUnit.SECONDS);
      return done && stty.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
