package dev.vlab.report;

import dev.vlab.scenario.ScenarioResult;
import java.util.List;

/**
 * Everything one {@code run-lab} found: the JSON output is this record as it stands.
 *
 * @param kept true with --keep: everything the run created is still there
 * @param removed what was cleaned up at the end (empty with --keep)
 */
public record RunReport(
    String runId,
    Engine engine,
    Image image,
    boolean allAsExpected,
    boolean kept,
    List<ScenarioResult> scenarios,
    List<String> removed) {

  /** The engine that ran the labs. */
  public record Engine(String address, String version, String apiVersion) {}

  /** The demo image and how it came to be. */
  public record Image(String name, String method, boolean built, String reason) {}
}
