package dev.vlab.exercise;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One mount of a student's container, as {@code docker inspect} shows it, however it was asked for
 * ({@code -v} or {@code --mount}).
 *
 * @param source the volume's name, or the host folder
 */
record MountView(boolean volume, String source, String target, boolean readOnly) {

  static List<MountView> of(InspectContainerResponse container) {
    List<InspectContainerResponse.Mount> mounts = container.getMounts();
    return mounts == null
        ? List.of()
        : mounts.stream()
            .map(
                m ->
                    new MountView(
                        m.getName() != null,
                        m.getName() != null ? m.getName() : m.getSource(),
                        m.getDestination() == null ? "?" : m.getDestination().getPath(),
                        Boolean.FALSE.equals(m.getRW())))
            .toList();
  }

  static Optional<MountView> on(InspectContainerResponse container, String target) {
    return of(container).stream().filter(m -> m.target().equals(target)).findFirst();
  }

  /** An anonymous volume ({@code -v /data}) is named by 64 hex digits. */
  boolean anonymous() {
    return volume && source.matches("[0-9a-f]{64}");
  }

  String describe() {
    String what =
        anonymous()
            ? "an anonymous volume (" + source.substring(0, 12) + ")"
            : volume ? "volume " + source : "host folder " + source;
    return what + " on " + target + (readOnly ? " (read-only)" : "");
  }

  static String describe(List<MountView> mounts) {
    return mounts.isEmpty()
        ? "no volume or bind mount"
        : mounts.stream().map(MountView::describe).collect(Collectors.joining(", "));
  }
}
