package dev.vlab.testing;

import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import java.util.List;
import java.util.Map;

/** What a run left on the engine, found by its run label. */
public final class Leftovers {
  private Leftovers() {}

  public static List<String> containers(Engine engine, String runId) {
    return containersLabelled(engine, Labels.RUN, runId);
  }

  public static List<String> volumes(Engine engine, String runId) {
    return volumesLabelled(engine, Labels.RUN, runId);
  }

  /** The names of the containers, running or not, that carry {@code label=value}. */
  public static List<String> containersLabelled(Engine engine, String label, String value) {
    return engine
        .docker()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(label, value))
        .exec()
        .stream()
        .map(c -> c.getNames()[0])
        .toList();
  }

  /** The names of the volumes that carry {@code label=value}. */
  public static List<String> volumesLabelled(Engine engine, String label, String value) {
    var volumes =
        engine
            .docker()
            .listVolumesCmd()
            .withFilter("label", List.of(label + "=" + value))
            .exec()
            .getVolumes();
    return volumes == null ? List.of() : volumes.stream().map(v -> v.getName()).toList();
  }
}
