package dev.vlab.instructor;

import dev.vlab.scenario.StepObserver.Decision;
import dev.vlab.terminal.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The instructor's answer before each step: Enter (or space) runs it, {@code s} skips it, {@code q}
 * quits. With {@code --auto} a step also runs by itself after a while. Without a terminal on stdin
 * nobody is asked: steps run at once, or after the {@code --auto} pause.
 */
final class Keys implements AutoCloseable {
  private static final int END = -1;
  private static final int CTRL_D = 4;

  private final BlockingQueue<Integer> typed = new LinkedBlockingQueue<>();
  private final boolean asking;
  private final Duration auto;
  private final RawMode raw;
  private volatile boolean ended;

  private Keys(boolean asking, Duration auto, RawMode raw) {
    this.asking = asking;
    this.auto = auto;
    this.raw = raw;
  }

  /**
   * @param auto how long to wait before running a step anyway; null to wait for a key
   */
  static Keys open(Terminal terminal, InputStream in, Duration auto) {
    if (!terminal.input()) {
      return new Keys(false, auto, null);
    }
    Keys keys = new Keys(true, auto, RawMode.enter());
    keys.readFrom(in);
    return keys;
  }

  /** Keys read from {@code in} as if it were a terminal, for tests. */
  static Keys reading(InputStream in, Duration auto) {
    Keys keys = new Keys(true, auto, null);
    keys.readFrom(in);
    return keys;
  }

  /** True when {@link #next} waits: for a key, or for the {@code --auto} pause. */
  boolean waits() {
    return asking || auto != null;
  }

  boolean asking() {
    return asking;
  }

  Duration auto() {
    return auto;
  }

  /** Waits for the instructor's answer. Keys pressed before the question are not answers. */
  Decision next() {
    try {
      if (!asking) {
        if (auto != null) {
          TimeUnit.MILLISECONDS.sleep(auto.toMillis());
        }
        return Decision.RUN;
      }
      if (ended) {
        return Decision.QUIT;
      }
      typed.clear();
      return answer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Decision.QUIT;
    }
  }

  /** The first key typed that means something, or RUN when the {@code --auto} pause ends. */
  Decision answer() throws InterruptedException {
    long deadline = auto == null ? Long.MAX_VALUE : System.nanoTime() + auto.toNanos();
    while (true) {
      Integer key =
          auto == null
              ? typed.take()
              : typed.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      Decision decision = key == null ? Decision.RUN : decision(key);
      if (decision != null) {
        return decision;
      }
    }
  }

  /** The decision a key stands for; null for a key that means nothing here. */
  static Decision decision(int key) {
    return switch (key) {
      case '\n', '\r', ' ' -> Decision.RUN;
      case 's', 'S' -> Decision.SKIP;
      case 'q', 'Q', CTRL_D, END -> Decision.QUIT;
      default -> null;
    };
  }

  private void readFrom(InputStream in) {
    Thread reader =
        new Thread(
            () -> {
              try {
                for (int key = in.read(); ; key = in.read()) {
                  ended = key == END;
                  typed.add(key);
                  if (ended) {
                    return;
                  }
                }
              } catch (IOException e) {
                ended = true;
                typed.add(END);
              }
            },
            "vlab-keys");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public void close() {
    if (raw != null) {
      raw.close();
    }
  }
}
