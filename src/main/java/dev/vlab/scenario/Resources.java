package dev.vlab.scenario;

import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one run created, so it can be removed at the end, or on Ctrl-C. Before removing anything it
 * checks the engine's labels again: vlab removes only what carries its own run's label.
 */
public final class Resources {
  private static final Logger log = LoggerFactory.getLogger(Resources.class);

  private final List<String> containers = Collections.synchronizedList(new ArrayList<>());
  private final List<String> volumes = Collections.synchronizedList(new ArrayList<>());

  private final List<String> images = Collections.synchronizedList(new ArrayList<>());

  public void addContainer(String id) {
    containers.add(id);
  }

  public void addVolume(String name) {
    volumes.add(name);
  }

  /** An image built under a name of this run's own, such as {@code vlab-<run id>-volume-demo}. */
  public void addImage(String name) {
    images.add(name);
  }

  /**
   * Removes containers first (a volume or image in use cannot go), then volumes and images, then
   * the run's folder.
   *
   * @return one line per thing removed
   */
  public synchronized List<String> removeAll(Engine engine, String runId, Workspace workspace) {
    List<String> removed = new ArrayList<>();
    for (String id : List.copyOf(containers)) {
      engine
          .inspectContainer(id)
          .filter(c -> Labels.belongsTo(c.getConfig().getLabels(), runId))
          .ifPresent(
              c -> {
                engine.removeContainer(id);
                removed.add("container " + c.getName().replaceFirst("^/", ""));
              });
      containers.remove(id);
    }
    for (String name : List.copyOf(volumes)) {
      engine
          .inspectVolume(name)
          .filter(v -> Labels.belongsTo(v.getLabels(), runId))
          .filter(v -> engine.removeVolume(name))
          .ifPresent(v -> removed.add("volume " + name));
      volumes.remove(name);
    }
    for (String name : List.copyOf(images)) {
      engine
          .inspectImage(name)
          .filter(i -> i.getConfig() != null && i.getConfig().getLabels() != null)
          .filter(i -> "true".equals(i.getConfig().getLabels().get(Labels.MANAGED)))
          .ifPresent(
              i -> {
                engine.removeImage(name);
                removed.add("image " + name);
              });
      images.remove(name);
    }
    try {
      workspace.delete().ifPresent(dir -> removed.add("folder " + dir));
    } catch (IOException e) {
      log.warn("could not delete {}: {}", workspace.runDir(), e.getMessage());
    }
    return removed;
  }
}
