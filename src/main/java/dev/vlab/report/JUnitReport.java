package dev.vlab.report;

import dev.vlab.exercise.CheckResult;
import dev.vlab.exercise.ExerciseResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code vlab check --junit FILE}: the results as JUnit XML, which CI systems read, so a course can
 * grade in CI. One test suite per exercise, one test case per check.
 */
public final class JUnitReport {
  private JUnitReport() {}

  public static void write(List<ExerciseResult> results, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      out.write(
          "<testsuites name=\"vlab exercises\" tests=\""
              + results.stream().mapToInt(r -> r.checks().size()).sum()
              + "\" failures=\""
              + count(results, CheckResult.FAIL)
              + "\">\n");
      for (ExerciseResult result : results) {
        writeSuite(result, out);
      }
      out.write("</testsuites>\n");
    }
  }

  private static void writeSuite(ExerciseResult result, Writer out) throws IOException {
    out.write(
        "  <testsuite name=\""
            + xml(result.id())
            + "\" tests=\""
            + result.checks().size()
            + "\" failures=\""
            + count(List.of(result), CheckResult.FAIL)
            + "\" skipped=\""
            + count(List.of(result), CheckResult.SKIPPED)
            + "\">\n");
    for (CheckResult check : result.checks()) {
      out.write(
          "    <testcase classname=\""
              + xml(result.id())
              + "\" name=\""
              + xml(check.check())
              + "\"");
      switch (check.status()) {
        case CheckResult.FAIL ->
            out.write(
                ">\n      <failure type=\""
                    + xml(check.finding())
                    + "\" message=\""
                    + xml(check.hint())
                    + "\">"
                    + xml(check.detail())
                    + "</failure>\n    </testcase>\n");
        case CheckResult.SKIPPED ->
            out.write(
                ">\n      <skipped message=\"" + xml(check.detail()) + "\"/>\n    </testcase>\n");
        default -> out.write("/>\n");
      }
    }
    out.write("  </testsuite>\n");
  }

  private static long count(List<ExerciseResult> results, String status) {
    return results.stream()
        .flatMap(r -> r.checks().stream())
        .filter(c -> c.status().equals(status))
        .count();
  }

  private static String xml(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;")
            .replace("'", "&apos;");
  }
}
