package dev.vlab.lab;

import java.util.List;
import java.util.Map;

/**
 * One workshop scenario, read from a lab file: how the notes app's container is mounted, what
 * should happen to a note written through it, and how to explain what did happen.
 *
 * @param container the container's name in step mode and the handout, as the workshop calls it
 * @param steps the texts that explain each step, for step mode and the handout; empty when the file
 *     gives none
 * @param file where the lab came from, as shown in messages
 */
public record Lab(
    String id,
    String title,
    String summary,
    String container,
    List<LabMount> mounts,
    Expectation expect,
    Explanation explanation,
    Map<LabStep, String> steps,
    String file) {

  /** What the lab expects of a note written through the app. */
  public record Expectation(boolean writeSucceeds, boolean dataSurvives) {}

  /** The lesson, for the outcome the lab expects and for a surprising one. */
  public record Explanation(String expected, String surprising) {
    /** The first sentence, for one-line reports. */
    public static String firstSentence(String text) {
      String flat = oneLine(text);
      int end = flat.indexOf(". ");
      return end < 0 ? flat : flat.substring(0, end + 1);
    }
  }

  /** The steps this lab's scenario takes, in order (see {@link LabStep#plan}). */
  public List<LabStep> plan() {
    return LabStep.plan(mounts, expect);
  }

  /**
   * The text that explains {@code step}, on one line; empty for a step the lab does not explain.
   */
  public String stepText(LabStep step) {
    return oneLine(steps.getOrDefault(step, ""));
  }

  /** A text from a lab file on one line: YAML's folded lines and spacing made single spaces. */
  public static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /**
   * Step mode and the handout explain every step, so they need the {@code steps} texts that the
   * main run does without.
   */
  public void requireSteps() {
    if (steps.isEmpty()) {
      throw new LabFileException(
          file,
          1,
          "steps",
          "missing; step mode and the handout need a text for each of this lab's steps: "
              + LabChecker.keys(plan())
              + " (see labs/README.md)");
    }
  }
}
