package dev.vlab.exercise;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code check: image}: the demo image exists under its workshop name. */
final class ImageCheck implements Check {
  /** What every build of the demo app runs, whichever way it was built. */
  /**
   * What the demo app's entrypoint names: the jar in the Dockerfile's image, the module in the
   * self-contained one.
   */
  static final List<String> APP_ENTRYPOINTS = List.of("notes-app.jar", "notes.NotesApp");

  @Override
  public String describe(Names names) {
    return "the image " + names.image() + " exists";
  }

  @Override
  public Set<String> findings() {
    return Set.of("missing", "misnamed");
  }

  @Override
  public Set<String> placeholders() {
    return Set.of("similar");
  }

  @Override
  public Outcome run(CheckContext context) {
    String image = context.names().image();
    var found = context.engine().inspectImage(image);
    if (found.isPresent()) {
      return Outcome.pass(
          "image " + image + " is there (" + CheckContext.shortId(found.get().getId()) + ")");
    }
    // A student who built the app under another name gets pointed at it.
    List<String> similar =
        APP_ENTRYPOINTS.stream()
            .flatMap(fragment -> context.engine().imageTagsRunning(fragment).stream())
            .distinct()
            .toList();
    if (similar.isEmpty()) {
      return Outcome.fail("missing", "there is no image " + image, Map.of());
    }
    String tags = String.join(", ", similar);
    return Outcome.fail(
        "misnamed",
        "there is no image " + image + "; the notes app is in " + tags,
        Map.of("similar", tags));
  }
}
