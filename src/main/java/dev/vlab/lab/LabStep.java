package dev.vlab.lab;

import dev.vlab.image.DemoImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a scenario, each one command a student could type. A lab file explains each of its
 * steps under {@code steps:}, keyed by these names, for step mode and the handout.
 */
public enum LabStep {
  FOLDER(true, "Make the host folder", "for each bind mount"),
  VOLUME(true, "Create the volume", "for each named volume"),
  RUN(true, "Start the app", "always"),
  PORT(
      true,
      "Find the published port",
      "only when the engine picks the host port, which step mode and the handout never do"),
  MOUNTS(false, "Look at the mounts", "always"),
  WRITE(true, "Save a note", "always"),
  LOGS(false, "Read the logs", "always"),
  DIFF(
      false,
      "List what the container changed",
      "when no mount covers " + DemoImage.DATA_DIR + " and the write should succeed"),
  REMOVE(true, "Remove the container", "always"),
  RERUN(true, "Start a new container", "always"),
  READ(true, "Read the notes back", "always"),
  CAT(false, "Read the file on the host", "for each bind mount"),
  STAT(false, "Look at the folder's mode", "for each bind mount"),
  INSPECT(false, "Inspect the volume", "for each named volume");

  private final boolean required;
  private final String title;
  private final String when;

  LabStep(boolean required, String title, String when) {
    this.required = required;
    this.title = title;
    this.when = when;
  }

  /** A heading for the step, such as "Save a note". */
  public String title() {
    return title;
  }

  /** The name in lab files and on the command line, such as {@code rerun}. */
  public String key() {
    return name().toLowerCase();
  }

  /** True when the later steps of the scenario need this one, so it cannot be skipped alone. */
  public boolean required() {
    return required;
  }

  /** When a lab has this step, in words for messages. */
  public String when() {
    return when;
  }

  /** The step called {@code key}, or null. */
  public static LabStep byKey(String key) {
    for (LabStep step : values()) {
      if (step.key().equals(key)) {
        return step;
      }
    }
    return null;
  }

  /**
   * The steps a lab's scenario takes when it behaves as the lab expects and the app is published on
   * a known host port, in order. The scenario runner takes exactly these.
   */
  public static List<LabStep> plan(List<LabMount> mounts, Lab.Expectation expect) {
    List<LabStep> steps = new ArrayList<>();
    mounts.forEach(m -> steps.add(m.type() == LabMount.Type.BIND ? FOLDER : VOLUME));
    steps.addAll(List.of(RUN, MOUNTS, WRITE, LOGS));
    if (expect.writeSucceeds() && !covers(mounts, DemoImage.DATA_DIR)) {
      steps.add(DIFF);
    }
    steps.addAll(List.of(REMOVE, RERUN, READ));
    for (LabMount mount : mounts) {
      steps.addAll(mount.type() == LabMount.Type.BIND ? List.of(CAT, STAT) : List.of(INSPECT));
    }
    return List.copyOf(steps);
  }

  /** True when one of the mounts holds {@code path}: it is the mount's target or below it. */
  public static boolean covers(List<LabMount> mounts, String path) {
    return mounts.stream()
        .anyMatch(m -> path.equals(m.target()) || path.startsWith(m.target() + "/"));
  }
}
