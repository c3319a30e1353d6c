package dev.vlab.clean;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.engine.Owner;
import dev.vlab.scenario.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Finds every run vlab has on the engine (by its labels) and in its work folder (by markers). */
public final class LeftoverFinder {
  private LeftoverFinder() {}

  /** Every run found, by run id; whether each is in use is for the caller to ask. */
  public static List<RunLeftovers> find(Engine engine, Path workRoot) {
    Map<String, Builder> runs = new TreeMap<>();
    for (Container container : engine.managedContainers()) {
      Map<String, String> labels = container.getLabels();
      String runId = labels == null ? null : labels.get(Labels.RUN);
      if (runId != null) {
        Builder run = runs.computeIfAbsent(runId, Builder::new);
        run.containers.add(name(container));
        run.owner(labels.get(Labels.OWNER));
      }
    }
    for (InspectVolumeResponse volume : engine.managedVolumes()) {
      Map<String, String> labels = volume.getLabels();
      String runId = labels == null ? null : labels.get(Labels.RUN);
      if (runId != null) {
        Builder run = runs.computeIfAbsent(runId, Builder::new);
        run.volumes.add(volume.getName());
        run.owner(labels.get(Labels.OWNER));
      }
    }
    for (Path folder : Workspace.runFolders(workRoot)) {
      Workspace.Marker marker = Workspace.marker(folder).orElseThrow();
      Builder run = runs.computeIfAbsent(marker.runId(), Builder::new);
      run.folder = folder;
      marker.owner().ifPresent(o -> run.owner(o.label()));
    }
    return runs.values().stream().map(Builder::build).toList();
  }

  private static String name(Container container) {
    String[] names = container.getNames();
    return names == null || names.length == 0 ? container.getId() : names[0].replaceFirst("^/", "");
  }

  private static final class Builder {
    private final String runId;
    private final List<String> containers = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();
    private Owner owner;
    private Path folder;

    Builder(String runId) {
      this.runId = runId;
    }

    void owner(String label) {
      if (owner == null) {
        owner = Owner.parse(label).orElse(null);
      }
    }

    RunLeftovers build() {
      return new RunLeftovers(
          runId,
          Optional.ofNullable(owner),
          List.copyOf(containers),
          List.copyOf(volumes),
          Optional.ofNullable(folder));
    }
  }
}
