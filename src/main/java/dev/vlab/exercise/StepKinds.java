package dev.vlab.exercise;

import dev.vlab.exercise.ExerciseLoader.RawMount;
import dev.vlab.exercise.ExerciseLoader.RawStep;
import dev.vlab.exercise.Step.Action;
import dev.vlab.exercise.Step.StepMount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The steps a setup or reference solution can take, with the fields each one takes. */
final class StepKinds {
  private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");

  /** A folder made with a plain mkdir, under the usual umask. */
  private static final String PLAIN_MKDIR_MODE = "0755";

  private static final Map<Action, List<String>> FIELDS = new EnumMap<>(Action.class);

  static {
    FIELDS.put(Action.BUILD_IMAGE, List.of());
    FIELDS.put(Action.MKDIR, List.of("folder", "mode"));
    FIELDS.put(Action.VOLUME_CREATE, List.of("volume"));
    FIELDS.put(Action.RUN, List.of("container", "mounts"));
    FIELDS.put(Action.REMOVE, List.of("container"));
    FIELDS.put(Action.NOTE, List.of("container", "text"));
    FIELDS.put(Action.CHECK, List.of());
    FIELDS.put(Action.ANSWER, List.of("volume"));
  }

  private StepKinds() {}

  static List<Step> build(List<RawStep> raw, String at, FileProblems problems) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; raw != null && i < raw.size(); i++) {
      steps.add(build(raw.get(i), at + "[" + i + "]", problems));
    }
    return List.copyOf(steps);
  }

  private static Step build(RawStep raw, String at, FileProblems problems) {
    if (raw == null) {
      throw problems.error(at, "an empty step; give at least 'do'");
    }
    Action action = action(problems.required(raw.action(), at + ".do"), at, problems);
    List<String> takes = FIELDS.get(action);
    problems.onlyFields(given(raw), takes, at, "'do: " + action.word() + "'");
    for (String field : takes) {
      if (!field.equals("mode") && !field.equals("mounts")) {
        problems.required(given(raw).get(field), at + "." + field);
      }
    }
    return new Step(
        action,
        raw.container(),
        raw.folder(),
        action == Action.MKDIR ? mode(raw, at, problems) : null,
        raw.volume(),
        mounts(raw.mounts(), at + ".mounts", problems),
        raw.text());
  }

  private static Action action(String word, String at, FileProblems problems) {
    return Arrays.stream(Action.values())
        .filter(a -> a.word().equals(word))
        .findFirst()
        .orElseThrow(
            () ->
                problems.error(
                    at + ".do",
                    "'"
                        + word
                        + "' is not a step; the steps are: "
                        + Arrays.stream(Action.values()).map(Action::word).toList()));
  }

  private static String mode(RawStep raw, String at, FileProblems problems) {
    if (raw.mode() == null) {
      return PLAIN_MKDIR_MODE;
    }
    // As written, before YAML read 0777 as an octal or decimal number.
    String written = problems.lines().scalar(at + ".mode");
    if (written == null || !MODE.matcher(written).matches()) {
      throw problems.error(
          at + ".mode",
          "'"
              + (written == null ? raw.mode() : written)
              + "' is not an octal folder mode; write it like \"0777\"");
    }
    return written.length() == 3 ? "0" + written : written;
  }

  private static List<StepMount> mounts(List<RawMount> raw, String at, FileProblems problems) {
    List<StepMount> mounts = new ArrayList<>();
    for (int i = 0; raw != null && i < raw.size(); i++) {
      String here = at + "[" + i + "]";
      RawMount mount = problems.required(raw.get(i), here);
      String type = problems.required(mount.type(), here + ".type");
      if (!type.equals("bind") && !type.equals("volume")) {
        throw problems.error(here + ".type", "'" + type + "' is not one of: bind, volume");
      }
      mounts.add(
          new StepMount(
              type.equals("volume"),
              problems.required(mount.source(), here + ".source"),
              problems.target(
                  problems.required(mount.target(), here + ".target"), here + ".target")));
    }
    return List.copyOf(mounts);
  }

  private static Map<String, Object> given(RawStep raw) {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("container", raw.container());
    given.put("folder", raw.folder());
    given.put("mode", raw.mode());
    given.put("volume", raw.volume());
    given.put("mounts", raw.mounts());
    given.put("text", raw.text());
    given.values().removeIf(v -> v == null);
    return given;
  }
}
