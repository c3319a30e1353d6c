package dev.vlab.scenario;

import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one run created, so it can be removed at the end, or on Ctrl-C. Before removing anything it
 * checks the engine's labels again: vlab removes only what carries its own run's label. Once
 * closed, it tells the scenarios still running to stop.
 */
public final class Resources {
  private static final Logger log = LoggerFactory.getLogger(Resources.class);

  private static final int MAX_PARALLEL_REMOVALS = 8;

  private final List<String> containers = Collections.synchronizedList(new ArrayList<>());
  private final List<String> volumes = Collections.synchronizedList(new ArrayList<>());

  /** Set when the run ends: scenarios still running then start no further step. */
  private volatile boolean closed;

  /** Marks the run as ending, before its clean-up: nothing new is created after this. */
  public void close() {
    closed = true;
  }

  public boolean isClosed() {
    return closed;
  }

  void addContainer(String id) {
    containers.add(id);
  }

  void addVolume(String name) {
    volumes.add(name);
  }

  /**
   * Removes containers first (a volume in use cannot go), then volumes, then the run's folder.
   *
   * @return one line per thing removed
   */
  public synchronized List<String> removeAll(Engine engine, String runId, Workspace workspace) {
    List<String> removed = new ArrayList<>(removeContainers(engine, runId));
    for (String name : List.copyOf(volumes)) {
      engine
          .inspectVolume(name)
          .filter(v -> Labels.belongsTo(v.getLabels(), runId))
          .filter(v -> engine.removeVolume(name))
          .ifPresent(v -> removed.add("volume " + name));
      volumes.remove(name);
    }
    try {
      workspace.delete().ifPresent(dir -> removed.add("folder " + dir));
    } catch (IOException e) {
      log.warn("could not delete {}: {}", workspace.runDir(), e.getMessage());
    }
    return removed;
  }

  /** All at once: each removal mostly waits on the engine (kill, unmount, network tear-down). */
  private List<String> removeContainers(Engine engine, String runId) {
    List<String> ids = List.copyOf(containers);
    if (ids.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(ids.size(), MAX_PARALLEL_REMOVALS), DaemonThreads.named("vlab-remove"));
    try {
      List<CompletableFuture<Optional<String>>> removals =
          ids.stream()
              .map(id -> CompletableFuture.supplyAsync(() -> remove(engine, runId, id), pool))
              .toList();
      List<String> removed = new ArrayList<>();
      for (CompletableFuture<Optional<String>> removal : removals) {
        joined(removal).ifPresent(removed::add);
      }
      return removed;
    } finally {
      pool.shutdown();
    }
  }

  /** One container; a failure is logged, so that it never keeps the others from going. */
  private Optional<String> remove(Engine engine, String runId, String id) {
    try {
      return engine
          .inspectContainer(id)
          .filter(c -> Labels.belongsTo(c.getConfig().getLabels(), runId))
          .map(
              c -> {
                engine.removeContainer(id);
                return "container " + c.getName().replaceFirst("^/", "");
              });
    } catch (RuntimeException e) {
      log.warn("could not remove container {}: {}", id, e.getMessage());
      return Optional.empty();
    } finally {
      containers.remove(id);
    }
  }

  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
