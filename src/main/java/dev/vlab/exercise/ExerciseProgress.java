package dev.vlab.exercise;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One exercise's progress: passed once or not, the marker notes vlab wrote, the last answer. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
public final class ExerciseProgress {
  private boolean done;
  private String answer;
  private Map<String, Marker> markers = new TreeMap<>();

  /**
   * A note vlab wrote through a container, to look for in the next container of that name.
   *
   * @param before the container's mounts when the note was written, for hints
   */
  public record Marker(String containerId, String note, String before) {}

  public boolean done() {
    return done;
  }

  void passed() {
    done = true;
  }

  public Optional<String> answer() {
    return Optional.ofNullable(answer);
  }

  public void answer(String text) {
    answer = text;
  }

  Optional<Marker> marker(String container) {
    return Optional.ofNullable(markers.get(container));
  }

  void marker(String container, Marker marker) {
    markers.put(container, marker);
  }

  /** Forgets the marker notes: the exercise starts over. */
  public void restart() {
    markers.clear();
  }

  void forgetMarker(String container) {
    markers.remove(container);
  }
}
