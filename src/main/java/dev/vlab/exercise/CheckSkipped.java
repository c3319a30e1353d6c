package dev.vlab.exercise;

/** Thrown by a check that cannot look because what it needs went away while checking. */
final class CheckSkipped extends RuntimeException {
  CheckSkipped(String why) {
    super(why, null, false, false);
  }
}
