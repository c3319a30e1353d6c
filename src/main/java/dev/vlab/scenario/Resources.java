package dev.vlab.scenario;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and removes what one run created. Everything a run creates carries its run label, so
 * removal asks the engine for exactly that label: a container whose creation was under way when
 * Ctrl-C came is found too. Creations are fenced so that none starts once removal has begun.
 */
public final class Resources {
  private static final Logger log = LoggerFactory.getLogger(Resources.class);
  private static final long CREATION_GRACE_SECONDS = 15;

  private boolean removing;
  private int creating;

  private final List<String> images = Collections.synchronizedList(new ArrayList<>());

  /** Runs a call that creates something on the engine, unless the run is being removed. */
  public <T> T create(Supplier<T> creation) {
    synchronized (this) {
      if (removing) {
        throw new VlabException(ExitCode.FAILED, "The run is stopping; nothing more is created.");
      }
      creating++;
    }
    try {
      return creation.get();
    } finally {
      synchronized (this) {
        creating--;
        notifyAll();
      }
    }
  }

  /**
   * An image this run built under a name of its own; images carry no run label, so they are
   * remembered by name, and removed only if vlab built them.
   */
  public void addImage(String name) {
    images.add(name);
  }

  /**
   * Removes the run's containers first (a volume or image in use cannot go), then its volumes and
   * images, then its folder. Waits a little for creations under way, so that they are removed too.
   *
   * @return one line per thing removed
   */
  public List<String> removeAll(Engine engine, String runId, Workspace workspace) {
    awaitCreations();
    List<String> removed = removeEngineObjects(engine, Map.of(Labels.RUN, runId));
    for (String name : List.copyOf(images)) {
      tryTo(
          "image " + name,
          () ->
              engine
                  .inspectImage(name)
                  .filter(i -> i.getConfig() != null && i.getConfig().getLabels() != null)
                  .filter(i -> i.getConfig().getLabels().containsKey(Labels.SOURCE_HASH))
                  .ifPresent(
                      i -> {
                        engine.removeImage(name);
                        removed.add("image " + name);
                      }));
      images.remove(name);
    }
    try {
      workspace.delete().ifPresent(dir -> removed.add("folder " + dir));
    } catch (IOException e) {
      log.warn("could not delete {}: {}", workspace.runDir(), e.getMessage());
    }
    return removed;
  }

  /**
   * Removes the containers and volumes of one lab, so that the next one finds its names and port
   * free; the run's folder stays until the run ends.
   *
   * @return one line per thing removed
   */
  public List<String> removeLab(Engine engine, String runId, String labId) {
    return removeEngineObjects(engine, Map.of(Labels.RUN, runId, Labels.LAB, labId));
  }

  /** Containers first: a volume that a container still uses cannot be removed. */
  private static List<String> removeEngineObjects(Engine engine, Map<String, String> labels) {
    List<String> removed = new ArrayList<>();
    tryTo(
        "the containers labelled " + labels,
        () ->
            engine
                .containersLabelled(labels)
                .forEach(
                    name ->
                        tryTo(
                            "container " + name,
                            () -> {
                              engine.removeContainer(name);
                              removed.add("container " + name);
                            })));
    tryTo(
        "the volumes labelled " + labels,
        () ->
            engine
                .volumesLabelled(labels)
                .forEach(
                    name ->
                        tryTo(
                            "volume " + name,
                            () -> {
                              if (engine.removeVolume(name)) {
                                removed.add("volume " + name);
                              }
                            })));
    return removed;
  }

  private synchronized void awaitCreations() {
    removing = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CREATION_GRACE_SECONDS);
    try {
      while (creating > 0 && System.nanoTime() < deadline) {
        wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One removal; when the engine fails, the rest still gets its turn and clean finds this one. */
  private static void tryTo(String what, Runnable removal) {
    try {
      removal.run();
    } catch (RuntimeException e) {
      log.warn(
          "could not remove {} ({}); 'vlab clean' removes it once the engine answers again",
          what,
          e.getMessage());
    }
  }
}
