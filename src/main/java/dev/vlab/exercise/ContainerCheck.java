package dev.vlab.exercise;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code check: container}: the student's container exists, runs, and runs the demo image. */
final class ContainerCheck extends ContainerCheckBase {
  ContainerCheck(String container) {
    super(container);
  }

  @Override
  public String describe(Names names) {
    return names.container(container) + " is running the image " + names.image();
  }

  @Override
  public Set<String> findings() {
    return Set.of("missing", "not-running", "wrong-image");
  }

  @Override
  public Set<String> placeholders() {
    return Set.of("container", "state", "logs", "found");
  }

  @Override
  public Outcome run(CheckContext context) {
    String name = name(context);
    Optional<InspectContainerResponse> found = context.engine().inspectContainer(name);
    if (found.isEmpty()) {
      return Outcome.fail("missing", "there is no container " + name, Map.of("container", name));
    }
    InspectContainerResponse c = found.get();
    if (!Boolean.TRUE.equals(c.getState().getRunning())) {
      String state =
          c.getState().getStatus() + " (exit code " + c.getState().getExitCodeLong() + ")";
      return Outcome.fail(
          "not-running",
          name + " is " + state,
          Map.of("container", name, "state", state, "logs", context.logTail(c.getId(), 3)));
    }
    String image = context.names().image();
    String typed = c.getConfig().getImage();
    Optional<String> imageId =
        context.engine().inspectImage(image).map(InspectImageResponse::getId);
    boolean sameImage = imageId.isPresent() && imageId.get().equals(c.getImageId());
    // A rebuild moves the tag; a container made from the name before still runs the demo app.
    boolean sameName = image.equals(typed) || (image + ":latest").equals(typed);
    if (!sameImage && !sameName) {
      return Outcome.fail(
          "wrong-image",
          name + " runs " + typed + ", not " + image,
          Map.of("container", name, "found", typed));
    }
    return Outcome.pass(name + " (" + CheckContext.shortId(c.getId()) + ") is running " + image);
  }
}
