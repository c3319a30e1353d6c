package dev.vlab.exercise;

/**
 * How one check went.
 *
 * @param check what was checked, in the student's names
 * @param status {@code pass}, {@code fail}, or {@code skipped} when an earlier check failed
 * @param finding the mistake found, as named in the exercise file; null unless it failed
 * @param detail what vlab saw
 * @param hint what is wrong and how to fix it; null unless it failed
 */
public record CheckResult(String check, String status, String finding, String detail, String hint) {
  public static final String PASS = "pass";
  public static final String FAIL = "fail";
  public static final String SKIPPED = "skipped";
}
