package dev.vlab.exercise;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code check: mount}: something of the right kind is mounted where the app writes. With a {@code
 * volume} named, it must be that volume.
 */
final class MountCheck extends ContainerCheckBase {
  /** What the exercise asks to be mounted. */
  enum Kind {
    BIND,
    VOLUME,
    ANY
  }

  private final Kind kind;
  private final String target;
  private final String volume;

  /**
   * @param volume the volume's logical name, or null for any volume
   */
  MountCheck(String container, Kind kind, String target, String volume) {
    super(container);
    this.kind = kind;
    this.target = target;
    this.volume = volume;
  }

  @Override
  public String describe(Names names) {
    String what =
        switch (kind) {
          case BIND -> "a host folder (bind mount)";
          case VOLUME -> volume == null ? "a named volume" : "the volume " + names.volume(volume);
          case ANY -> "a volume or a host folder";
        };
    return names.container(container) + " has " + what + " on " + target;
  }

  @Override
  public Set<String> findings() {
    Set<String> findings = new TreeSet<>(List.of("none", "wrong-target", "read-only"));
    if (kind == Kind.BIND) {
      findings.add("volume-not-bind");
    }
    if (kind == Kind.VOLUME) {
      findings.add("bind-not-volume");
    }
    if (volume != null) {
      findings.addAll(List.of("other-volume", "volume-unused"));
    }
    return findings;
  }

  @Override
  public Set<String> placeholders() {
    return Set.of("container", "target", "found", "mounted-at", "source", "volume");
  }

  @Override
  public Outcome run(CheckContext context) {
    InspectContainerResponse c = context.container(container);
    Map<String, String> values = values(context, c);
    Optional<MountView> mount = MountView.on(c, target);
    if (mount.isEmpty()) {
      return missing(context, values);
    }
    MountView m = mount.get();
    String detail = values.get("container") + " has " + m.describe();
    if (kind == Kind.BIND && m.volume()) {
      return Outcome.fail("volume-not-bind", detail, values);
    }
    if (kind == Kind.VOLUME && !m.volume()) {
      return Outcome.fail("bind-not-volume", detail, values);
    }
    if (volume != null && !m.source().equals(context.names().volume(volume))) {
      return Outcome.fail("other-volume", detail, values);
    }
    if (m.readOnly()) {
      return Outcome.fail("read-only", detail, values);
    }
    return Outcome.pass(detail);
  }

  private Outcome missing(CheckContext context, Map<String, String> values) {
    String detail = values.get("container") + " has " + values.get("found");
    if (!values.get("found").equals(MountView.describe(List.of()))) {
      return Outcome.fail("wrong-target", detail, values);
    }
    if (volume != null && context.engine().inspectVolume(values.get("volume")).isPresent()) {
      return Outcome.fail("volume-unused", detail, values);
    }
    return Outcome.fail("none", detail, values);
  }

  private Map<String, String> values(CheckContext context, InspectContainerResponse c) {
    List<MountView> mounts = MountView.of(c);
    Optional<MountView> onTarget = MountView.on(c, target);
    String mountedAt =
        String.join(", ", mounts.stream().map(MountView::target).distinct().toList());
    return Map.of(
        "container",
        name(context),
        "mounted-at",
        mountedAt,
        "target",
        target,
        "found",
        MountView.describe(mounts),
        "source",
        onTarget.map(MountView::source).orElse(""),
        "volume",
        volume == null ? "" : context.names().volume(volume));
  }
}
