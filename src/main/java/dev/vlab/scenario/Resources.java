package dev.vlab.scenario;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
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
    List<String> removed = removeEngineObjects(engine, runId, null);
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
  public synchronized List<String> removeLab(Engine engine, String runId, String labId) {
    return removeEngineObjects(engine, runId, labId);
  }

  /** Removes what carries this run's labels and, unless {@code labId} is null, that lab's. */
  private List<String> removeEngineObjects(Engine engine, String runId, String labId) {
    Predicate<Map<String, String>> ours =
        labels ->
            Labels.belongsTo(labels, runId)
                && (labId == null || labId.equals(labels.get(Labels.LAB)));
    List<String> removed = new ArrayList<>();
    for (String id : List.copyOf(containers)) {
      Optional<InspectContainerResponse> container = engine.inspectContainer(id);
      if (container.isEmpty() || ours.test(container.get().getConfig().getLabels())) {
        container.ifPresent(
            c -> {
              engine.removeContainer(id);
              removed.add("container " + c.getName().replaceFirst("^/", ""));
            });
        containers.remove(id);
      }
    }
    for (String name : List.copyOf(volumes)) {
      Optional<InspectVolumeResponse> volume = engine.inspectVolume(name);
      if (volume.isEmpty() || ours.test(volume.get().getLabels())) {
        volume.filter(v -> engine.removeVolume(name)).ifPresent(v -> removed.add("volume " + name));
        volumes.remove(name);
      }
    }
    return removed;
  }
}
