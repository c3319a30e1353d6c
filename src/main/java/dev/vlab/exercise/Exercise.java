package dev.vlab.exercise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-checking exercise, read from an exercise file: the task in the workshop's names, the
 * checks with a hint for each mistake they can find, and a reference solution as steps.
 *
 * @param lab the id of the lab that shows the same thing happen, or null
 * @param question asked once the exercise passes, or null
 * @param setup steps vlab takes before the student starts, by variant; empty for most exercises
 * @param names every name the file uses, and what it names
 * @param file where the exercise came from, as shown in messages
 */
public record Exercise(
    String id,
    String title,
    String lab,
    String task,
    String question,
    Map<String, List<Step>> setup,
    List<ExerciseCheck> checks,
    List<Step> solution,
    Map<String, NameKind> names,
    String file) {

  /** A check, and what to tell the student for each mistake it can find. */
  public record ExerciseCheck(Check check, Map<String, String> hints) {}

  /** What each of the file's names stands for, with these names: {@code data} → {@code ./data}. */
  public Map<String, String> nameValues(Names real) {
    Map<String, String> values = new LinkedHashMap<>();
    names.forEach((name, kind) -> values.put(name, real.shown(name, kind)));
    return values;
  }

  public String task(Names real) {
    return Template.fill(task.strip(), nameValues(real));
  }

  public String question(Names real) {
    return question == null ? null : Template.fill(question.strip(), nameValues(real));
  }

  /** Whether its reference solution builds the image, rather than needing it built. */
  public boolean buildsImage() {
    return solution.stream().anyMatch(s -> s.action() == Step.Action.BUILD_IMAGE);
  }
}
