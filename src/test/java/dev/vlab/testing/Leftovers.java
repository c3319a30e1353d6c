package dev.vlab.testing;

import dev.vlab.engine.Engine;
import java.util.List;
import java.util.Map;

/** What a run left on the engine, found by its run label. */
public final class Leftovers {
  private Leftovers() {}

  public static List<String> containers(Engine engine, String runId) {
    return engine.containersOfRun(runId);
  }

  public static List<String> volumes(Engine engine, String runId) {
    return engine.volumesOfRun(runId);
  }

  /** The names of the containers, running or not, that carry {@code label=value}. */
  public static List<String> containersLabelled(Engine engine, String label, String value) {
    return engine.containersLabelled(Map.of(label, value));
  }

  /** The names of the volumes that carry {@code label=value}. */
  public static List<String> volumesLabelled(Engine engine, String label, String value) {
    return engine.volumesLabelled(Map.of(label, value));
  }
}
