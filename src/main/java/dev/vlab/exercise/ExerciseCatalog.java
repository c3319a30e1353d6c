package dev.vlab.exercise;

import dev.vlab.VlabException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** The exercises vlab knows, in their file order, and the choice of some of them by id. */
public record ExerciseCatalog(List<Exercise> exercises) {

  /** The exercises named by {@code ids}; none named, or {@code all}, means every exercise. */
  public List<Exercise> select(List<String> ids) {
    if (ids == null || ids.isEmpty() || ids.contains("all")) {
      return exercises;
    }
    List<Exercise> chosen = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      chosen.add(get(id));
    }
    return chosen;
  }

  public Exercise get(String id) {
    return exercises.stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                VlabException.usage(
                    "There is no exercise '"
                        + id
                        + "'. Choose from: "
                        + exercises.stream().map(Exercise::id).collect(Collectors.joining(", "))
                        + ". 'vlab exercise list' shows them."));
  }
}
