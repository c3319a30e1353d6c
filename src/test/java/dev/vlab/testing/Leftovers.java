package dev.vlab.testing;

import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import java.util.List;
import java.util.Map;

/** What a run left on the engine, found by its run label. */
public final class Leftovers {
  private Leftovers() {}

  public static List<String> containers(Engine engine, String runId) {
    return engine
        .docker()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(Labels.RUN, runId))
        .exec()
        .stream()
        .map(c -> c.getNames()[0])
        .toList();
  }

  public static List<String> volumes(Engine engine, String runId) {
    var volumes =
        engine
            .docker()
            .listVolumesCmd()
            .withFilter("label", List.of(Labels.RUN + "=" + runId))
            .exec()
            .getVolumes();
    return volumes == null ? List.of() : volumes.stream().map(v -> v.getName()).toList();
  }
}
