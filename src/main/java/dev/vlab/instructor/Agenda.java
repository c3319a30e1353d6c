package dev.vlab.instructor;

import dev.vlab.VlabException;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabStep;
import dev.vlab.scenario.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every step of a session, numbered as the instructor and the handout show them: the build step
 * first, then each lab's steps in order. {@code --from} names one of them.
 */
final class Agenda {
  static final String BUILD = "build";

  /** One numbered step; {@code labId} and {@code kind} are null for the build step. */
  record Entry(int number, String labId, LabStep kind) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Integer> reached = new HashMap<>();

  Agenda(List<Lab> labs) {
    entries.add(new Entry(1, null, null));
    for (Lab lab : labs) {
      for (LabStep kind : lab.plan()) {
        entries.add(new Entry(entries.size() + 1, lab.id(), kind));
      }
    }
  }

  int total() {
    return entries.size();
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /**
   * The number of a step as it runs: the lab's next planned step of that kind. 0 for a step the
   * plan does not have, such as {@code docker diff} when a write unexpectedly failed.
   */
  int number(Step step) {
    int after = reached.getOrDefault(step.labId(), 0);
    for (Entry entry : entries) {
      if (entry.number() > after
          && step.labId().equals(entry.labId())
          && step.kind() == entry.kind()) {
        reached.put(step.labId(), entry.number());
        return entry.number();
      }
    }
    return 0;
  }

  /** The last number a lab reached, for steps that have none of their own. */
  int reached(String labId) {
    return reached.getOrDefault(labId, 0);
  }

  /**
   * The step {@code --from} names: its number as shown, {@code build}, a lab id (its first step),
   * or {@code lab:step}, such as {@code named-volume:inspect}.
   */
  int resolve(String from) {
    if (from == null || from.equals(BUILD)) {
      return 1;
    }
    if (from.matches("\\d+")) {
      int number = Integer.parseInt(from);
      if (number < 1 || number > total()) {
        throw unknown(from, "there are steps 1 to " + total());
      }
      return number;
    }
    String[] parts = from.split(":", 2);
    LabStep kind = parts.length == 2 ? LabStep.byKey(parts[1]) : null;
    return entries.stream()
        .filter(e -> parts[0].equals(e.labId()))
        .filter(e -> parts.length == 1 || e.kind() == kind)
        .mapToInt(Entry::number)
        .findFirst()
        .orElseThrow(() -> unknown(from, "no lab in this run has that step"));
  }

  private static VlabException unknown(String from, String why) {
    return VlabException.usage(
        "--from "
            + from
            + " names no step: "
            + why
            + ". Give the step's number as step mode shows it, 'build', a lab id, or"
            + " LAB:STEP such as named-volume:inspect.");
  }
}
