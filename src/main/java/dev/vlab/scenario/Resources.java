package dev.vlab.scenario;

import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one run created, scenario by scenario, so it can be removed when a scenario ends, at the
 * end, or on Ctrl-C. Before removing anything it checks the engine's labels again: vlab removes
 * only what carries its own run's label. Once closed, it tells the scenarios still running to stop.
 */
public final class Resources {
  private static final Logger log = LoggerFactory.getLogger(Resources.class);

  private static final int MAX_PARALLEL_REMOVALS = 8;

  /** A container id or volume name, and the lab it was made for. */
  private record Made(String labId, String name) {}

  private final List<Made> containers = Collections.synchronizedList(new ArrayList<>());
  private final List<Made> volumes = Collections.synchronizedList(new ArrayList<>());

  /** Set when the run ends: scenarios still running then start no further step. */
  private volatile boolean closed;

  /** Marks the run as ending, before its clean-up: nothing new is created after this. */
  public void close() {
    closed = true;
  }

  public boolean isClosed() {
    return closed;
  }

  void addContainer(String labId, String id) {
    containers.add(new Made(labId, id));
  }

  void addVolume(String labId, String name) {
    volumes.add(new Made(labId, name));
  }

  /**
   * Removes what one finished scenario made: its containers, then its volumes.
   *
   * @return one line per thing removed
   */
  public List<String> removeScenario(Engine engine, String runId, String labId) {
    return remove(engine, runId, made -> made.labId().equals(labId));
  }

  /**
   * Removes everything left: containers first (a volume in use cannot go), then volumes, then the
   * run's folder.
   *
   * @return one line per thing removed
   */
  public synchronized List<String> removeAll(Engine engine, String runId, Workspace workspace) {
    List<String> removed = new ArrayList<>(remove(engine, runId, made -> true));
    try {
      workspace.delete().ifPresent(dir -> removed.add("folder " + dir));
    } catch (IOException e) {
      log.warn("could not delete {}: {}", workspace.runDir(), e.getMessage());
    }
    return removed;
  }

  private List<String> remove(Engine engine, String runId, Predicate<Made> which) {
    List<String> removed = new ArrayList<>(removeContainers(engine, runId, which));
    for (Made volume : chosen(volumes, which)) {
      try {
        engine
            .inspectVolume(volume.name())
            .filter(v -> Labels.belongsTo(v.getLabels(), runId))
            .filter(v -> engine.removeVolume(volume.name()))
            .ifPresent(v -> removed.add("volume " + volume.name()));
      } catch (RuntimeException e) {
        log.warn("could not remove volume {}: {}", volume.name(), e.getMessage());
      } finally {
        volumes.remove(volume);
      }
    }
    return removed;
  }

  /** All at once: each removal mostly waits on the engine (kill, unmount, network tear-down). */
  private List<String> removeContainers(Engine engine, String runId, Predicate<Made> which) {
    List<Made> chosen = chosen(containers, which);
    if (chosen.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(chosen.size(), MAX_PARALLEL_REMOVALS), DaemonThreads.named("vlab-remove"));
    try {
      List<CompletableFuture<Optional<String>>> removals =
          chosen.stream()
              .map(c -> CompletableFuture.supplyAsync(() -> remove(engine, runId, c), pool))
              .toList();
      List<String> removed = new ArrayList<>();
      removals.forEach(removal -> removal.join().ifPresent(removed::add));
      return removed;
    } finally {
      pool.shutdown();
    }
  }

  /** One container; a failure is logged, so that it never keeps the others from going. */
  private Optional<String> remove(Engine engine, String runId, Made container) {
    String id = container.name();
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
      containers.remove(container);
    }
  }

  private static List<Made> chosen(List<Made> made, Predicate<Made> which) {
    synchronized (made) {
      return made.stream().filter(which).toList();
    }
  }
}
