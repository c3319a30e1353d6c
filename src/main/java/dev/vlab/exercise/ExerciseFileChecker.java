package dev.vlab.exercise;

import dev.vlab.exercise.Exercise.ExerciseCheck;
import dev.vlab.exercise.ExerciseLoader.RawCheck;
import dev.vlab.exercise.ExerciseLoader.RawExercise;
import dev.vlab.exercise.ExerciseLoader.RawStep;
import dev.vlab.lab.YamlLines;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a parsed exercise file: every field, every name, every hint. A course author learns here,
 * with a line number, that a check lacks the hint for one of its findings, or that a hint uses a
 * placeholder nothing fills.
 */
final class ExerciseFileChecker {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** One plain name: no slash, so a folder's name cannot climb out of the student's folder. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final FileProblems problems;
  private final Map<String, NameKind> names = new LinkedHashMap<>();

  ExerciseFileChecker(String file, YamlLines lines) {
    this.problems = new FileProblems(file, lines);
    names.put(Names.IMAGE, NameKind.IMAGE);
  }

  Exercise check(RawExercise raw) {
    String id = problems.required(raw.id(), "id");
    if (!ID.matcher(id).matches() || id.length() > 40) {
      throw problems.error(
          "id", "'" + id + "' must be lower-case letters, digits and dashes (at most 40)");
    }
    List<ExerciseCheck> checks = checks(problems.required(raw.checks(), "checks"));
    Map<String, List<Step>> setup = setup(raw.setup());
    List<Step> solution =
        StepKinds.build(problems.required(raw.solution(), "solution"), "solution", problems);
    if (solution.isEmpty()) {
      throw problems.error("solution", "a reference solution needs at least one step");
    }
    setup.forEach((variant, steps) -> nameSteps(steps, "setup." + variant));
    nameSteps(solution, "solution");
    String task = problems.required(raw.task(), "task");
    placeholders(task, Set.of(), "task");
    if (raw.question() != null) {
      placeholders(raw.question(), Set.of(), "question");
    }
    for (int i = 0; i < checks.size(); i++) {
      hints(checks.get(i), "checks[" + i + "]");
    }
    return new Exercise(
        id,
        problems.required(raw.title(), "title"),
        raw.lab(),
        task,
        raw.question(),
        setup,
        checks,
        solution,
        Map.copyOf(names),
        problems.file());
  }

  private List<ExerciseCheck> checks(List<RawCheck> raw) {
    if (raw.isEmpty()) {
      throw problems.error("checks", "an exercise needs at least one check");
    }
    List<ExerciseCheck> checks = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String at = "checks[" + i + "]";
      RawCheck entry = problems.required(raw.get(i), at);
      Check check = CheckKinds.build(entry, at, problems);
      name(entry.container(), NameKind.CONTAINER, at + ".container");
      name(entry.volume(), NameKind.VOLUME, at + ".volume");
      order(check, checks, at);
      checks.add(
          new ExerciseCheck(check, entry.hints() == null ? Map.of() : Map.copyOf(entry.hints())));
    }
    return List.copyOf(checks);
  }

  /**
   * Checks run in order and stop at the first failure, so each may rely on those before it: a
   * container's other checks come after the one that finds it running, a host-file check after the
   * persists check that writes its note.
   */
  private void order(Check check, List<ExerciseCheck> before, String at) {
    String container = check.container();
    if (container != null
        && !(check instanceof ContainerCheck)
        && !found(before, ContainerCheck.class, container)) {
      throw problems.error(
          at + ".check",
          "comes before the 'container' check of " + container + "; put that one first");
    }
    if (check instanceof HostFileCheck
        && before.stream()
            .noneMatch(
                c ->
                    c.check() instanceof PersistsCheck p
                        && p.container().equals(container)
                        && p.expectsKept())) {
      throw problems.error(
          at + ".check",
          "a host-file check needs a persists check (expect: kept) of "
              + container
              + " before it: that one writes the note");
    }
    if (check instanceof ImageRunsCheck && !found(before, ImageCheck.class, null)) {
      throw problems.error(at + ".check", "an image-runs check needs an image check before it");
    }
  }

  private static boolean found(
      List<ExerciseCheck> checks, Class<? extends Check> kind, String container) {
    return checks.stream()
        .map(ExerciseCheck::check)
        .anyMatch(
            c -> kind.isInstance(c) && (container == null || container.equals(c.container())));
  }

  private Map<String, List<Step>> setup(Map<String, List<RawStep>> raw) {
    Map<String, List<Step>> setup = new LinkedHashMap<>();
    if (raw == null) {
      return setup;
    }
    raw.forEach(
        (variant, steps) -> {
          if (!ID.matcher(variant).matches()) {
            throw problems.error(
                "setup." + variant,
                "a variant's name is lower-case words and dashes, like wrong-path");
          }
          setup.put(
              variant,
              StepKinds.build(
                  problems.required(steps, "setup." + variant), "setup." + variant, problems));
        });
    return setup;
  }

  private void nameSteps(List<Step> steps, String at) {
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String here = at + "[" + i + "]";
      name(step.container(), NameKind.CONTAINER, here + ".container");
      name(step.folder(), NameKind.FOLDER, here + ".folder");
      name(step.volume(), NameKind.VOLUME, here + ".volume");
      for (int m = 0; m < step.mounts().size(); m++) {
        Step.StepMount mount = step.mounts().get(m);
        name(
            mount.source(),
            mount.volume() ? NameKind.VOLUME : NameKind.FOLDER,
            here + ".mounts[" + m + "].source");
      }
    }
  }

  private void name(String name, NameKind kind, String at) {
    if (name == null) {
      return;
    }
    if (!NAME.matcher(name).matches() || name.length() > 60) {
      throw problems.error(
          at, "'" + name + "' must be a plain name (letters, digits, . _ -), with no slash");
    }
    NameKind earlier = names.putIfAbsent(name, kind);
    if (earlier != null && earlier != kind) {
      throw problems.error(
          at,
          "'"
              + name
              + "' names a "
              + lower(earlier)
              + " elsewhere in this file; one name, one thing");
    }
  }

  private void hints(ExerciseCheck check, String at) {
    Set<String> findings = check.check().findings();
    for (String hint : check.hints().keySet()) {
      if (!findings.contains(hint)) {
        throw problems.error(
            at + ".hints." + hint,
            "this check finds no '" + hint + "'; it finds " + new TreeSet<>(findings));
      }
    }
    Set<String> missing = new TreeSet<>(findings);
    missing.removeAll(check.hints().keySet());
    if (!missing.isEmpty()) {
      throw problems.error(
          at + ".hints",
          "a hint is missing for "
              + missing
              + ": say what the student did wrong and how to fix it");
    }
    check
        .hints()
        .forEach(
            (finding, text) ->
                placeholders(text, check.check().placeholders(), at + ".hints." + finding));
  }

  private void placeholders(String text, Set<String> extra, String at) {
    Set<String> known = new HashSet<>(names.keySet());
    known.addAll(extra);
    for (String placeholder : Template.placeholders(text)) {
      if (!known.contains(placeholder)) {
        throw problems.error(
            at,
            "{" + placeholder + "} stands for nothing here; it may use " + new TreeSet<>(known));
      }
    }
  }

  private static String lower(NameKind kind) {
    return kind.name().toLowerCase();
  }
}
