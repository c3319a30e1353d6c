package dev.vlab.scenario;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Removes what a run created when the run ends, and also when the user presses Ctrl-C, through a
 * shutdown hook. It runs at most once, and whoever comes second waits for it to finish, so the
 * engine client is not closed under it.
 */
public final class Cleanup implements AutoCloseable {
  private static volatile boolean interrupted;

  private final RunContext run;
  private final boolean keep;
  private final Consumer<String> progress;
  private final Thread hook;
  private final List<String> removed = new ArrayList<>();
  private boolean done;

  /**
   * @param keep leave everything for inspection, and say how to remove it later
   * @param progress receives one line per thing removed or kept
   */
  public Cleanup(RunContext run, boolean keep, Consumer<String> progress) {
    this.run = run;
    this.keep = keep;
    this.progress = progress;
    this.hook = new Thread(this::onSignal, "vlab-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** True once a signal (Ctrl-C) has started the clean-up: later failures are its echoes. */
  public static boolean interrupted() {
    return interrupted;
  }

  private void onSignal() {
    interrupted = true;
    runOnce();
  }

  private synchronized void runOnce() {
    if (done) {
      return;
    }
    done = true;
    if (keep) {
      progress.accept(keptMessage());
      return;
    }
    for (String line : run.resources().removeAll(run.engine(), run.runId(), run.workspace())) {
      removed.add(line);
      progress.accept("Removed " + line);
    }
  }

  private String keptMessage() {
    String label = "label=dev.vlab.run=" + run.runId();
    String folder =
        Files.exists(run.workspace().runDir()) ? "\n  rm -rf " + run.workspace().runDir() : "";
    return "Kept for inspection (--keep). To remove it later:\n"
        + "  docker rm -f $(docker ps -aq --filter "
        + label
        + ")\n"
        + "  docker volume rm $(docker volume ls -q --filter "
        + label
        + ")"
        + folder;
  }

  /** What was removed, one line each; empty with --keep or before the clean-up ran. */
  public synchronized List<String> removed() {
    return List.copyOf(removed);
  }

  @Override
  public void close() {
    runOnce();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running or has run.
    }
  }
}
