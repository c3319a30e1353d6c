package dev.vlab.exercise;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code check: no-mount}: the container has no volume and no bind mount at all. */
final class NoMountCheck extends ContainerCheckBase {
  NoMountCheck(String container) {
    super(container);
  }

  @Override
  public String describe(Names names) {
    return names.container(container) + " has no volume or bind mount";
  }

  @Override
  public Set<String> findings() {
    return Set.of("mounted");
  }

  @Override
  public Set<String> placeholders() {
    return Set.of("container", "found");
  }

  @Override
  public Outcome run(CheckContext context) {
    String name = name(context);
    List<MountView> mounts = MountView.of(context.container(container));
    if (mounts.isEmpty()) {
      return Outcome.pass(name + " has no mounts: its files live in its own writable layer");
    }
    String found = MountView.describe(mounts);
    return Outcome.fail(
        "mounted", name + " has " + found, Map.of("container", name, "found", found));
  }
}
