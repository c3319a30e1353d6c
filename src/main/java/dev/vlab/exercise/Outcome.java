package dev.vlab.exercise;

import java.util.Map;

/**
 * What one check found.
 *
 * @param finding the mistake's name when it failed, which picks the hint; null when it passed
 * @param detail what was seen, in plain words
 * @param values what the hint's placeholders stand for
 */
record Outcome(boolean passed, String finding, String detail, Map<String, String> values) {

  static Outcome pass(String detail) {
    return new Outcome(true, null, detail, Map.of());
  }

  static Outcome fail(String finding, String detail, Map<String, String> values) {
    return new Outcome(false, finding, detail, values);
  }
}
