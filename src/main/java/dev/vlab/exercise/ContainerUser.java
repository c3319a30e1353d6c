package dev.vlab.exercise;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.util.Optional;

/** The user and group ids a container's process runs as, from its configuration. */
record ContainerUser(long uid, long gid) {

  /**
   * Root when no user is set; empty for a user given by name, which only the image's own passwd
   * file could resolve.
   */
  static Optional<ContainerUser> of(InspectContainerResponse container) {
    String user = container.getConfig() == null ? null : container.getConfig().getUser();
    if (user == null || user.isBlank() || user.equals("root")) {
      return Optional.of(new ContainerUser(0, 0));
    }
    String[] parts = user.split(":", 2);
    if (!parts[0].matches("\\d+") || (parts.length == 2 && !parts[1].matches("\\d+"))) {
      return Optional.empty();
    }
    long uid = Long.parseLong(parts[0]);
    // TODO: '--user 1000' takes its group from the image's passwd file; vlab assumes gid = uid.
    return Optional.of(new ContainerUser(uid, parts.length == 2 ? Long.parseLong(parts[1]) : uid));
  }
}
