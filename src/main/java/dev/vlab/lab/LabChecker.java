package dev.vlab.lab;

import dev.vlab.lab.LabLoader.RawExpect;
import dev.vlab.lab.LabLoader.RawExplanation;
import dev.vlab.lab.LabLoader.RawLab;
import dev.vlab.lab.LabLoader.RawMount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a parsed lab file field by field. Lab files come from course authors, so nothing in one
 * may name a host path: a bind mount's source is a plain folder name inside vlab's work folder.
 */
final class LabChecker {
  /** Lower-case words joined by dashes; it becomes part of container and volume names. */
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** One plain name: no slash, so it cannot climb out of the work folder. */
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /**
   * Plain path segments: a colon or comma would end the path in a {@code -v} mount and start its
   * options, so neither may appear.
   */
  private static final Pattern TARGET = Pattern.compile("(/[A-Za-z0-9_.-]+)+");

  private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");
  private static final String DEFAULT_BIND_MODE = "0777";

  private final String file;
  private final YamlLines lines;

  LabChecker(String file, YamlLines lines) {
    this.file = file;
    this.lines = lines;
  }

  Lab check(RawLab raw) {
    String id = required(raw.id(), "id");
    if (!ID.matcher(id).matches() || id.length() > 40) {
      throw error(
          "id",
          "'"
              + id
              + "' must be lower-case letters, digits and dashes (at most 40),"
              + " like named-volume");
    }
    return new Lab(
        id,
        required(raw.title(), "title"),
        required(raw.summary(), "summary"),
        mounts(raw.mounts()),
        expectation(raw.expect()),
        explanation(raw.explanation()),
        file);
  }

  private List<LabMount> mounts(List<RawMount> raw) {
    List<LabMount> mounts = new ArrayList<>();
    Set<String> targets = new HashSet<>();
    for (int i = 0; raw != null && i < raw.size(); i++) {
      LabMount mount = mount(raw.get(i), "mounts[" + i + "]");
      if (!targets.add(mount.target())) {
        throw error("mounts[" + i + "].target", mount.target() + " is mounted twice");
      }
      mounts.add(mount);
    }
    return List.copyOf(mounts);
  }

  private LabMount mount(RawMount raw, String at) {
    if (raw == null) {
      throw error(at, "an empty mount; give at least type, source and target");
    }
    LabMount.Type type = required(raw.type(), at + ".type");
    String source = required(raw.source(), at + ".source");
    if (!SOURCE.matcher(source).matches() || source.length() > 60) {
      throw error(
          at + ".source",
          "'"
              + source
              + "' must be a plain name (letters, digits, . _ -)"
              + " with no slash: vlab creates it for the run, and never uses a host path");
    }
    String target = required(raw.target(), at + ".target");
    if (!TARGET.matcher(target).matches() || hasDotSegment(target)) {
      throw error(
          at + ".target",
          "'"
              + target
              + "' must be an absolute path inside the container, like /data: segments of"
              + " letters, digits, . _ - (no .., no spaces, colons or commas)");
    }
    String mode = mode(raw, type, at);
    return new LabMount(type, source, target, mode, Boolean.TRUE.equals(raw.readOnly()));
  }

  private static boolean hasDotSegment(String path) {
    return List.of(path.split("/")).stream().anyMatch(s -> s.equals(".") || s.equals(".."));
  }

  private String mode(RawMount raw, LabMount.Type type, String at) {
    if (raw.mode() == null) {
      return type == LabMount.Type.BIND ? DEFAULT_BIND_MODE : null;
    }
    if (type != LabMount.Type.BIND) {
      throw error(at + ".mode", "only a bind mount's host folder has a mode");
    }
    String written = lines.scalar(at + ".mode");
    if (written == null || !MODE.matcher(written).matches()) {
      throw error(
          at + ".mode",
          "'"
              + (written == null ? raw.mode() : written)
              + "' is not an"
              + " octal folder mode; write it like \"0555\"");
    }
    return written.length() == 3 ? "0" + written : written;
  }

  private Lab.Expectation expectation(RawExpect raw) {
    RawExpect expect = required(raw, "expect");
    return new Lab.Expectation(
        required(expect.writeSucceeds(), "expect.writeSucceeds"),
        required(expect.dataSurvives(), "expect.dataSurvives"));
  }

  private Lab.Explanation explanation(RawExplanation raw) {
    RawExplanation explanation = required(raw, "explanation");
    return new Lab.Explanation(
        required(explanation.expected(), "explanation.expected"),
        required(explanation.surprising(), "explanation.surprising"));
  }

  private <T> T required(T value, String field) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw error(field, "missing; every lab needs it (see labs/README.md)");
    }
    return value;
  }

  private LabFileException error(String field, String problem) {
    return new LabFileException(file, lines.lineOf(field), field, problem);
  }
}
