package dev.vlab.exercise;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.vlab.FileModes;
import dev.vlab.engine.PathInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check: writable}: the app's user may create files where it writes. It reads the folder's
 * owner and mode through the archive endpoint, so nothing is written to find out.
 */
final class WritableCheck extends ContainerCheckBase {
  /** The engine creates a missing bind-mount folder as root with this mode, as it starts. */
  private static final int ENGINE_FOLDER_MODE = 0755;

  private static final Duration SAME_MOMENT = Duration.ofSeconds(5);

  private final String target;

  WritableCheck(String container, String target) {
    super(container);
    this.target = target;
  }

  @Override
  public String describe(Names names) {
    return "the app in " + names.container(container) + " may write " + target;
  }

  @Override
  public Set<String> findings() {
    return Set.of("engine-created", "not-writable");
  }

  @Override
  public Set<String> placeholders() {
    return Set.of("container", "target", "folder", "owner", "mode", "user", "logs");
  }

  @Override
  public Outcome run(CheckContext context) {
    InspectContainerResponse c = context.container(container);
    String name = name(context);
    Optional<ContainerUser> user = ContainerUser.of(c);
    if (user.isEmpty()) {
      return Outcome.pass(
          name + " runs as user '" + c.getConfig().getUser() + "', which vlab cannot judge");
    }
    PathInfo folder =
        context
            .engine()
            .pathInfo(c.getId(), target)
            .orElseThrow(() -> new CheckSkipped(target + " does not exist in " + name));
    long uid = user.get().uid();
    if (folder.writableBy(uid, user.get().gid())) {
      return Outcome.pass(target + " is writable by uid " + uid);
    }
    Map<String, String> values = values(context, c, folder, uid);
    String detail =
        values.get("folder")
            + " has owner uid "
            + folder.uid()
            + " and mode "
            + values.get("mode")
            + "; the app runs as uid "
            + uid;
    return Outcome.fail(
        createdByEngine(folder, c) ? "engine-created" : "not-writable", detail, values);
  }

  /**
   * A root-owned, empty folder with the engine's mode, made as the container was: the engine made
   * it because the student's folder did not exist. A student working as root who made it with a
   * plain mkdir just before looks the same; the fix is the same too.
   */
  private static boolean createdByEngine(PathInfo folder, InspectContainerResponse c) {
    Instant created = Instant.parse(c.getCreated());
    return folder.uid() == 0
        && folder.mode() == ENGINE_FOLDER_MODE
        && folder.empty()
        && Duration.between(created, folder.modified()).abs().compareTo(SAME_MOMENT) <= 0;
  }

  private Map<String, String> values(
      CheckContext context, InspectContainerResponse c, PathInfo folder, long uid) {
    String name = name(context);
    String where =
        MountView.on(c, target)
            .map(m -> m.volume() ? "the volume " + m.source() : m.source())
            .orElse(target + " inside " + name);
    String logs =
        context
            .lastError(c.getId())
            .map(line -> "'docker logs " + name + "' shows: " + line.strip())
            .orElse(
                "'docker logs "
                    + name
                    + "' will show \"permission denied\" as soon as the app tries to write");
    return Map.of(
        "container", name,
        "target", target,
        "folder", where,
        "owner", String.valueOf(folder.uid()),
        "mode", FileModes.octal(folder.mode()),
        "user", String.valueOf(uid),
        "logs", logs);
  }
}
