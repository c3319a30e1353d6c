package dev.vlab.lab;

import dev.vlab.lab.LabLoader.RawExpect;
import dev.vlab.lab.LabLoader.RawExplanation;
import dev.vlab.lab.LabLoader.RawLab;
import dev.vlab.lab.LabLoader.RawMount;
import dev.vlab.lab.LabLoader.RawWorkshop;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a parsed lab file field by field. Lab files come from course authors, so nothing in one
 * may name a host path: a bind mount's source is a plain folder name inside vlab's work folder.
 */
final class LabChecker {
  /** Lower-case words joined by dashes; it becomes part of container and volume names. */
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** One plain name: no slash, so it cannot climb out of the work folder. */
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /** Docker's rule for container names. */
  private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /** A step is read off a projector: two or three sentences fit in this. */
  static final int MAX_STEP_TEXT = 400;

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
    if (id.equals("all")) {
      throw error("id", "'all' stands for every lab on the command line; choose another id");
    }
    List<LabMount> mounts = mounts(raw.mounts());
    Lab.Expectation expect = expectation(raw.expect());
    return new Lab(
        id,
        required(raw.title(), "title"),
        required(raw.summary(), "summary"),
        container(raw.container(), id),
        mounts,
        expect,
        explanation(raw.explanation()),
        steps(raw.steps(), LabStep.plan(mounts, expect)),
        file);
  }

  Workshop checkWorkshop(RawWorkshop raw) {
    return new Workshop(
        required(raw.title(), "title"),
        raw.intro() == null ? "" : Lab.oneLine(raw.intro()),
        Lab.oneLine(stepText(required(raw.build(), "build"), "build")),
        file);
  }

  private String container(String raw, String id) {
    if (raw == null) {
      return id;
    }
    if (!CONTAINER.matcher(raw).matches() || raw.length() > 60) {
      throw error(
          "container",
          "'"
              + raw
              + "' is not a container name: letters, digits, . _ - (at most 60),"
              + " starting with a letter or digit, like demo1");
    }
    return raw;
  }

  /** Every step of the plan needs a text, and every text a step of the plan. */
  private Map<LabStep, String> steps(Map<String, String> raw, List<LabStep> plan) {
    Map<LabStep, String> steps = new EnumMap<>(LabStep.class);
    if (raw == null) {
      return steps;
    }
    for (Map.Entry<String, String> entry : raw.entrySet()) {
      String field = "steps." + entry.getKey();
      LabStep step = LabStep.byKey(entry.getKey());
      if (step == null || !plan.contains(step)) {
        throw error(field, notAStepHere(entry.getKey(), step, plan));
      }
      steps.put(step, stepText(required(entry.getValue(), field), field));
    }
    for (LabStep step : plan) {
      if (!steps.containsKey(step)) {
        throw error(
            "steps." + step.key(),
            "missing; this lab has a " + step.key() + " step (" + step.when() + ")");
      }
    }
    return steps;
  }

  private static String notAStepHere(String key, LabStep step, List<LabStep> plan) {
    String has = "; this lab's steps are: " + keys(plan);
    return step == null
        ? "not a step" + has
        : "this lab has no " + key + " step (there is one " + step.when() + ")" + has;
  }

  private String stepText(String text, String field) {
    int length = Lab.oneLine(text).length();
    if (length > MAX_STEP_TEXT) {
      throw error(
          field,
          length
              + " characters; keep it to two or three sentences (at most "
              + MAX_STEP_TEXT
              + "), as the class reads it off a projector");
    }
    return text;
  }

  /** The distinct step names of a plan, for messages. */
  static String keys(List<LabStep> plan) {
    return plan.stream().map(LabStep::key).distinct().collect(Collectors.joining(", "));
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

  private static boolean isSystemPath(String target) {
    return List.of("/proc", "/sys", "/dev").stream()
        .anyMatch(p -> target.equals(p) || target.startsWith(p + "/"));
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
    if (isSystemPath(target)) {
      throw error(
          at + ".target",
          "'"
              + target
              + "' is where the kernel and the engine mount their own file systems; mount"
              + " somewhere else, like /data");
    }
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
