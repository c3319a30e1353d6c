package dev.vlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions about one exercise's result in {@code vlab check --json}. */
public final class Verdict {
  private Verdict() {}

  /** The exercise passed: every check is {@code pass}. */
  public static void assertPassed(JsonNode exercise) {
    assertThat(exercise.get("passed").asBoolean()).as(exercise.toPrettyString()).isTrue();
  }

  /**
   * The exercise failed, first at {@code finding}, with a hint holding every one of {@code words}.
   *
   * @return the hint
   */
  public static String assertFailed(JsonNode exercise, String finding, String... words) {
    assertThat(exercise.get("passed").asBoolean()).as(exercise.toPrettyString()).isFalse();
    JsonNode failed = null;
    for (JsonNode check : exercise.get("checks")) {
      if (check.get("status").asText().equals("fail")) {
        failed = check;
        break;
      }
    }
    assertThat(failed).as(exercise.toPrettyString()).isNotNull();
    assertThat(failed.get("finding").asText()).as(failed.toPrettyString()).isEqualTo(finding);
    String hint = failed.get("hint").asText();
    for (String word : words) {
      assertThat(hint).contains(word);
    }
    return hint;
  }
}
