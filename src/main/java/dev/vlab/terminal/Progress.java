package dev.vlab.terminal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress for a person, on stderr. Lines are printed as they come. On a terminal, one more line at
 * the bottom shows the stage in progress and how long it has taken, redrawn in place; piped or in
 * CI there is no such line, so the output stays quiet and line-based.
 */
public final class Progress implements AutoCloseable {
  private static final String ERASE = "\r\u001b[2K";
  private static final String SPINNER = "|/-\\";
  private static final Duration REDRAW = Duration.ofMillis(250);

  private final PrintWriter err;
  private final int width;
  private final ScheduledExecutorService ticker;
  private String stage;
  private long stageStarted;
  private int frame;
  private boolean shown;

  private Progress(PrintWriter err, boolean live, int width) {
    this.err = err;
    this.width = width;
    this.ticker = live ? Executors.newSingleThreadScheduledExecutor(Progress::daemon) : null;
    if (live) {
      ticker.scheduleAtFixedRate(
          this::redraw, REDRAW.toMillis(), REDRAW.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Live progress when {@code terminal} allows it, plain lines otherwise. */
  public static Progress on(Terminal terminal, PrintWriter err) {
    return terminal.live() ? new Progress(err, true, columns()) : lines(err);
  }

  /** Lines only, never a live line. */
  public static Progress lines(PrintWriter err) {
    return new Progress(err, false, 0);
  }

  /** A live line that is only redrawn when told, for tests. */
  static Progress liveWithoutTicker(PrintWriter err, int width) {
    Progress progress = new Progress(err, false, width);
    progress.stage = "";
    return progress;
  }

  /** A line to keep, printed above the live line. */
  public synchronized void line(String text) {
    clear();
    err.println(text);
    draw();
    err.flush();
  }

  /** What is going on now; shown only on a terminal, and replaced by the next stage. */
  public synchronized void stage(String text) {
    if (!isLive()) {
      return;
    }
    stage = text;
    stageStarted = System.nanoTime();
    clear();
    draw();
    err.flush();
  }

  synchronized void redraw() {
    frame++;
    clear();
    draw();
    err.flush();
  }

  private boolean isLive() {
    return ticker != null || stage != null;
  }

  private void clear() {
    if (shown) {
      err.print(ERASE);
      shown = false;
    }
  }

  private void draw() {
    if (stage == null || stage.isEmpty()) {
      return;
    }
    long seconds = Duration.ofNanos(System.nanoTime() - stageStarted).toSeconds();
    String text = SPINNER.charAt(frame % SPINNER.length()) + " " + stage + " (" + seconds + "s)";
    // A line wider than the terminal wraps, and the eraser would only reach its last row.
    err.print(text.length() < width ? text : text.substring(0, Math.max(0, width - 2)) + "…");
    shown = true;
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    clear();
    stage = null;
    err.flush();
  }

  private static int columns() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "vlab-progress");
    thread.setDaemon(true);
    return thread;
  }
}
