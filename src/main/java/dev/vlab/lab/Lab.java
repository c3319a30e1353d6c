package dev.vlab.lab;

import java.util.List;

/**
 * One workshop scenario, read from a lab file: how the notes app's container is mounted, what
 * should happen to a note written through it, and how to explain what did happen.
 *
 * @param file where the lab came from, as shown in messages
 */
public record Lab(
    String id,
    String title,
    String summary,
    List<LabMount> mounts,
    Expectation expect,
    Explanation explanation,
    String file) {

  /** What the lab expects of a note written through the app. */
  public record Expectation(boolean writeSucceeds, boolean dataSurvives) {}

  /** The lesson, for the outcome the lab expects and for a surprising one. */
  public record Explanation(String expected, String surprising) {
    /** The first sentence, for one-line reports. */
    public static String firstSentence(String text) {
      String flat = text.strip().replaceAll("\\s+", " ");
      int end = flat.indexOf(". ");
      return end < 0 ? flat : flat.substring(0, end + 1);
    }
  }
}
