package dev.vlab.exercise;

import java.util.List;

/**
 * One thing a student does, as an exercise file writes it in a setup or a reference solution. The
 * names are the file's own ({@code demo2}, {@code data}), made real by {@link Names}.
 *
 * @param mode a folder's mode in octal, such as {@code 0777}
 */
public record Step(
    Action action,
    String container,
    String folder,
    String mode,
    String volume,
    List<StepMount> mounts,
    String text) {

  /** What the step does, with its name in exercise files. */
  public enum Action {
    BUILD_IMAGE("build-image"),
    MKDIR("mkdir"),
    VOLUME_CREATE("volume-create"),
    RUN("run"),
    REMOVE("remove"),
    NOTE("note"),
    CHECK("check"),
    ANSWER("answer");

    private final String word;

    Action(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  /**
   * A mount of a {@code run} step.
   *
   * @param source a volume's name or a folder's name, as the file writes them
   */
  public record StepMount(boolean volume, String source, String target) {}
}
