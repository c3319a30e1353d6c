package dev.vlab.doctor;

/**
 * One line of {@code vlab doctor}: what it looked at, what it found, and what that means for the
 * labs.
 *
 * @param status {@code ok}; {@code note}, a difference the instructor should know about; or {@code
 *     problem}, which stops the labs
 */
public record Finding(String topic, String value, Status status, String meaning) {
  /** How a finding bears on the labs. */
  public enum Status {
    OK,
    NOTE,
    PROBLEM
  }

  static Finding ok(String topic, String value, String meaning) {
    return new Finding(topic, value, Status.OK, meaning);
  }

  static Finding note(String topic, String value, String meaning) {
    return new Finding(topic, value, Status.NOTE, meaning);
  }

  static Finding problem(String topic, String value, String meaning) {
    return new Finding(topic, value, Status.PROBLEM, meaning);
  }
}
