package dev.vlab.exercise;

import dev.vlab.exercise.ExerciseLoader.RawCheck;
import dev.vlab.image.DemoImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The kinds of check an exercise file can name, with the fields each one takes. */
final class CheckKinds {
  private static final Map<String, List<String>> FIELDS = new TreeMap<>();

  static {
    FIELDS.put("image", List.of());
    FIELDS.put("image-runs", List.of());
    FIELDS.put("container", List.of("container"));
    FIELDS.put("port", List.of("container"));
    FIELDS.put("no-mount", List.of("container"));
    FIELDS.put("mount", List.of("container", "type", "target", "volume"));
    FIELDS.put("writable", List.of("container", "target"));
    FIELDS.put("persists", List.of("container", "expect"));
    FIELDS.put("host-file", List.of("container", "target"));
    FIELDS.put("answer", List.of("volume"));
  }

  private CheckKinds() {}

  static Set<String> names() {
    return FIELDS.keySet();
  }

  /** The check a file's entry asks for, with its fields checked. */
  static Check build(RawCheck raw, String at, FileProblems problems) {
    String kind = problems.required(raw.check(), at + ".check");
    List<String> takes = FIELDS.get(kind);
    if (takes == null) {
      throw problems.error(
          at + ".check", "'" + kind + "' is not a kind of check; the kinds are: " + names());
    }
    problems.onlyFields(given(raw), takes, at, "a " + kind + " check");
    Fields fields = new Fields(raw, at, problems);
    return switch (kind) {
      case "image" -> new ImageCheck();
      case "image-runs" -> new ImageRunsCheck();
      case "container" -> new ContainerCheck(fields.container());
      case "port" -> new PortCheck(fields.container());
      case "no-mount" -> new NoMountCheck(fields.container());
      case "mount" -> mount(fields, raw, at, problems);
      case "writable" -> new WritableCheck(fields.container(), fields.target());
      case "persists" -> new PersistsCheck(fields.container(), fields.kept());
      case "host-file" -> new HostFileCheck(fields.container(), fields.target());
      default -> new AnswerCheck(problems.required(raw.volume(), at + ".volume"));
    };
  }

  private static Check mount(Fields fields, RawCheck raw, String at, FileProblems problems) {
    String type = problems.required(raw.type(), at + ".type");
    MountCheck.Kind kind =
        switch (type) {
          case "bind" -> MountCheck.Kind.BIND;
          case "volume" -> MountCheck.Kind.VOLUME;
          case "any" -> MountCheck.Kind.ANY;
          default ->
              throw problems.error(at + ".type", "'" + type + "' is not one of: bind, volume, any");
        };
    if (raw.volume() != null && kind != MountCheck.Kind.VOLUME) {
      throw problems.error(at + ".volume", "only a mount check of type volume names a volume");
    }
    return new MountCheck(fields.container(), kind, fields.target(), raw.volume());
  }

  private static Map<String, Object> given(RawCheck raw) {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("container", raw.container());
    given.put("type", raw.type());
    given.put("target", raw.target());
    given.put("volume", raw.volume());
    given.put("expect", raw.expect());
    given.values().removeIf(v -> v == null);
    return given;
  }

  /** The fields of one check entry, read with their defaults. */
  private record Fields(RawCheck raw, String at, FileProblems problems) {
    String container() {
      return problems.required(raw.container(), at + ".container");
    }

    String target() {
      return raw.target() == null
          ? DemoImage.DATA_DIR
          : problems.target(raw.target(), at + ".target");
    }

    boolean kept() {
      String expect = problems.required(raw.expect(), at + ".expect");
      return switch (expect) {
        case "kept" -> true;
        case "lost" -> false;
        default ->
            throw problems.error(at + ".expect", "'" + expect + "' is not one of: kept, lost");
      };
    }
  }
}
