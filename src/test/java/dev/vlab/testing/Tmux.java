package dev.vlab.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * vlab on a real pseudo-terminal: a tmux server of the test's own (its own socket, so no other tmux
 * is touched), one pane running vlab, keys sent as a person types them, and the screen read back.
 * Without tmux a test is skipped locally and fails in CI, like an engine test.
 */
public final class Tmux implements AutoCloseable {
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private final String socket;
  private final Path dir;

  private Tmux(String socket, Path dir) {
    this.socket = socket;
    this.dir = dir;
  }

  /**
   * Starts vlab in a new pane 220 columns wide (so long commands do not wrap).
   *
   * @param env extra environment for vlab, such as NO_COLOR
   */
  public static Tmux start(Path dir, Map<String, String> env, String... args) throws IOException {
    requireTmux();
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    Tmux tmux = new Tmux("vlab-test-" + HexFormat.of().formatHex(random), dir);
    Path conf = Files.writeString(dir.resolve("tmux.conf"), "set -g history-limit 50000\n");
    Path script = Files.writeString(dir.resolve("vlab.sh"), script(dir, env, args));
    tmux.tmux(
        "-f",
        conf.toString(),
        "new-session",
        "-d",
        "-s",
        "vlab",
        "-x",
        "220",
        "-y",
        "50",
        "sh " + script);
    return tmux;
  }

  /** Runs vlab, records its exit code, then keeps the pane open for reading. */
  private static String script(Path dir, Map<String, String> env, String... args) {
    StringBuilder sh = new StringBuilder();
    env.forEach((k, v) -> sh.append("export ").append(k).append('=').append(quote(v)).append('\n'));
    List<String> command = new ArrayList<>(VlabProcess.javaCommand());
    command.addAll(List.of(args));
    command.forEach(word -> sh.append(quote(word)).append(' '));
    sh.append("\necho $? > ").append(quote(dir.resolve("exit").toString())).append('\n');
    // The terminal as vlab left it: it must have restored line editing and echo.
    sh.append("stty -a > ").append(quote(dir.resolve("stty").toString())).append(" 2>&1\n");
    sh.append("exec sleep 600\n");
    return sh.toString();
  }

  /** Sends one key, as tmux names it: Enter, s, q. */
  public void press(String key) {
    tmux("send-keys", "-t", "vlab", key);
  }

  /** Everything the pane showed so far, wrapped lines joined. */
  public String screen() {
    return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "vlab");
  }

  /** The same, with the escape codes of colours and styles. */
  public String screenWithEscapes() {
    return tmux("capture-pane", "-p", "-J", "-e", "-S", "-", "-t", "vlab");
  }

  /** Waits until vlab asks about a step, and {@code text} is on the screen; returns the screen. */
  public String awaitPrompt(String text) {
    await("vlab to ask about a step, with '" + text + "' on the screen")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> asking(screen()) && screen().contains(text));
    return screen();
  }

  private static boolean asking(String screen) {
    List<String> lines = screen.strip().lines().toList();
    return !lines.isEmpty() && lines.get(lines.size() - 1).contains("Enter runs it");
  }

  /** Waits for vlab to end; its exit code. */
  public int awaitExit() throws IOException {
    Path exit = dir.resolve("exit");
    await("vlab to exit")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Files.exists(exit) && !Files.readString(exit).isBlank());
    return Integer.parseInt(Files.readString(exit).strip());
  }

  /** {@code stty -a} of the pane after vlab ended. */
  public String terminalAfterExit() throws IOException {
    Path stty = dir.resolve("stty");
    await("stty to report").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(stty));
    return Files.readString(stty);
  }

  @Override
  public void close() {
    tmux("kill-server");
  }

  private String tmux(String... args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("tmux " + args[0] + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void requireTmux() {
    boolean present;
    try {
      present = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      present = false;
    }
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("This test needs tmux, and CI must have it (scripts/test installs it).");
    }
    assumeTrue(present, "tmux is not installed");
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
