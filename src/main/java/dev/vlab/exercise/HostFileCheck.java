package dev.vlab.exercise;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.vlab.exercise.ExerciseProgress.Marker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code check: host-file}: the note a {@code persists} check wrote is in {@code notes.txt} in the
 * host folder mounted on the target, read straight from the host.
 */
final class HostFileCheck extends ContainerCheckBase {
  static final String NOTES_FILE = "notes.txt";

  private final String target;

  HostFileCheck(String container, String target) {
    super(container);
    this.target = target;
  }

  @Override
  public String describe(Names names) {
    return "the note is in " + NOTES_FILE + " in the host folder on " + target;
  }

  @Override
  public Set<String> findings() {
    return Set.of("not-visible", "no-note");
  }

  @Override
  public Set<String> placeholders() {
    return Set.of("container", "target", "folder", "file", "note");
  }

  @Override
  public Outcome run(CheckContext context) {
    String name = name(context);
    InspectContainerResponse c = context.container(container);
    Marker marker =
        context
            .progress()
            .marker(name)
            .orElseThrow(() -> new CheckSkipped("vlab has written no note through " + name));
    String source =
        MountView.on(c, target)
            .filter(m -> !m.volume())
            .map(MountView::source)
            .orElseThrow(() -> new CheckSkipped(name + " has no host folder on " + target));
    Path folder = Path.of(source);
    Path file = folder.resolve(NOTES_FILE);
    Map<String, String> values =
        Map.of(
            "container", name,
            "target", target,
            "folder", source,
            "file", file.toString(),
            "note", marker.note());
    // TODO: a remote engine's bind folders are on its host, so this check cannot read them.
    if (!Files.isDirectory(folder)) {
      return Outcome.fail("not-visible", "vlab cannot see the folder " + source, values);
    }
    if (!contains(file, marker.note())) {
      return Outcome.fail("no-note", file + " does not hold the note", values);
    }
    return Outcome.pass(file + " holds the note, on the host");
  }

  private static boolean contains(Path file, String note) {
    try {
      return Files.isRegularFile(file) && Files.readAllLines(file).contains(note);
    } catch (IOException e) {
      return false;
    }
  }
}
