package dev.vlab.exercise;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.vlab.exercise.ExerciseProgress.Marker;
import dev.vlab.scenario.NotesClient;
import dev.vlab.scenario.NotesClient.Answer;
import dev.vlab.scenario.RunContext;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check: persists}: whether a note outlives the student's own remove-and-re-run. The first
 * check writes a marker note through the app and remembers it with the container's id; a later
 * check, seeing a container of that name with another id, looks for the note in it.
 */
final class PersistsCheck extends ContainerCheckBase {
  private final boolean kept;

  /**
   * @param kept true when the note should survive, false when it should be lost
   */
  PersistsCheck(String container, boolean kept) {
    super(container);
    this.kept = kept;
  }

  boolean expectsKept() {
    return kept;
  }

  @Override
  public String describe(Names names) {
    String name = names.container(container);
    return "a note written through "
        + name
        + (kept ? " is still there" : " is gone")
        + " after "
        + name
        + " is removed and run again";
  }

  @Override
  public Set<String> findings() {
    return Set.of("written", "not-recreated", "write-failed", kept ? "lost" : "kept");
  }

  @Override
  public Set<String> placeholders() {
    return Set.of("container", "note", "before", "now", "status", "logs");
  }

  @Override
  public Outcome run(CheckContext context) {
    InspectContainerResponse c = context.container(container);
    String name = name(context);
    Optional<Marker> marker = context.progress().marker(name);
    if (marker.isEmpty()) {
      return write(context, c, name);
    }
    Map<String, String> values =
        Map.of(
            "container", name,
            "note", marker.get().note(),
            "before", marker.get().before(),
            "now", MountView.describe(MountView.of(c)));
    if (marker.get().containerId().equals(c.getId())) {
      return Outcome.fail(
          "not-recreated", name + " is still the container vlab wrote the note into", values);
    }
    boolean found = served(context.app(c), marker.get().note());
    if (found == kept) {
      return Outcome.pass(
          "the note vlab wrote through the earlier "
              + name
              + (found ? " is served by the new one" : " is not in the new one"));
    }
    // Start afresh at the next check: a new note, written where the container now writes.
    context.progress().forgetMarker(name);
    return Outcome.fail(
        found ? "kept" : "lost",
        "the new " + name + (found ? " still serves" : " does not have") + " the note",
        values);
  }

  private Outcome write(CheckContext context, InspectContainerResponse c, String name) {
    String note =
        "marker note from vlab check " + context.exerciseId() + " " + RunContext.newRunId();
    NotesClient app = context.app(c);
    Answer answer = call(() -> app.addNote(note));
    if (!answer.ok()) {
      return Outcome.fail(
          "write-failed",
          "POST /notes answered " + answer.status() + ": " + answer.body(),
          Map.of(
              "container", name,
              "status", String.valueOf(answer.status()),
              "logs", context.lastError(c.getId()).orElse(context.logTail(c.getId(), 2))));
    }
    String mounts = MountView.describe(MountView.of(c));
    context.progress().marker(name, new Marker(c.getId(), note, mounts));
    return Outcome.fail(
        "written",
        "vlab wrote the note '" + note + "' through " + name,
        Map.of("container", name, "note", note, "before", mounts, "now", mounts));
  }

  private static boolean served(NotesClient app, String note) {
    Answer answer = call(app::notesAnswer);
    try {
      return answer.ok() && NotesClient.notesIn(answer).contains(note);
    } catch (IOException e) {
      throw new CheckSkipped("the app's answer to GET /notes is not JSON: " + answer.body());
    }
  }

  private interface Call {
    Answer send() throws IOException;
  }

  private static Answer call(Call call) {
    try {
      return call.send();
    } catch (IOException e) {
      throw new CheckSkipped("the app stopped answering: " + e.getMessage());
    }
  }
}
