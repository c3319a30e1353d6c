package dev.vlab.testing;

import dev.vlab.engine.Engine;
import java.util.List;

/** What a run left on the engine, found by its run label. */
public final class Leftovers {
  private Leftovers() {}

  public static List<String> containers(Engine engine, String runId) {
    return engine.containersOfRun(runId);
  }

  public static List<String> volumes(Engine engine, String runId) {
    return engine.volumesOfRun(runId);
  }
}
