package dev.vlab.scenario;

import java.util.List;

/**
 * How one scenario went.
 *
 * @param writeSucceeded whether the app saved the marker note
 * @param survived whether the re-created container still served the note
 * @param why the first sentence of {@code explanation}, for one-line reports
 * @param commands the docker CLI commands equivalent to what vlab did, in order
 * @param evidence what vlab saw that explains the outcome
 * @param error why the scenario could not run to the end, or null
 * @param notReproducible why this engine cannot show the lab's lesson, when the outcome surprised
 *     the lab for that reason; null otherwise
 */
public record ScenarioResult(
    String id,
    String title,
    boolean writeSucceeded,
    boolean survived,
    Expected expected,
    boolean asExpected,
    String explanation,
    String why,
    List<String> commands,
    List<String> evidence,
    String error,
    String notReproducible) {

  /** True unless the scenario failed its lab: as expected, or not reproducible on this engine. */
  public boolean acceptable() {
    return asExpected || notReproducible != null;
  }

  /** What the lab file expected. */
  public record Expected(boolean writeSucceeds, boolean dataSurvives) {}
}
