package dev.vlab.doctor;

import dev.vlab.clean.LeftoverFinder;
import dev.vlab.clean.RunLeftovers;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineProfile;
import dev.vlab.image.BuildMethod;
import dev.vlab.image.DemoImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Looks at the engine, the demo image, the work folder and what earlier runs left, and says for
 * each what it means for the labs.
 */
public final class Doctor {
  /** Below this, the engine may fail to create a container or write a layer. */
  static final long LOW_DISK_BYTES = 1L << 30;

  private final Engine engine;
  private final Path workRoot;
  private final DemoImage image;

  public Doctor(Engine engine, Path workRoot, DemoImage image) {
    this.engine = engine;
    this.workRoot = workRoot;
    this.image = image;
  }

  /** Every finding, in the order an instructor reads them. */
  public List<Finding> examine() {
    EngineProfile profile = engine.profile();
    List<Finding> findings = new ArrayList<>();
    findings.add(engineAddress());
    findings.add(version(profile));
    findings.add(platform(profile));
    findings.add(storage(profile));
    findings.add(cgroups(profile));
    findings.add(rootless(profile));
    findings.add(selinux(profile));
    findings.add(vm(profile));
    findings.add(disk(profile));
    findings.add(demoImage());
    findings.add(leftovers());
    findings.add(workFolder(profile));
    return findings;
  }

  private Finding engineAddress() {
    String value = engine.address() + " (" + engine.foundBy() + ")";
    if (isRemote(engine.address())) {
      return Finding.note(
          "engine",
          value,
          "The engine is on another machine: a bind mount names a folder on that machine, not"
              + " the one vlab creates here, so the bind-mount labs will not show the note on"
              + " this host.");
    }
    return Finding.ok("engine", value, "Set DOCKER_HOST or a docker context to use another one.");
  }

  static boolean isRemote(String address) {
    if (!address.startsWith("tcp://")) {
      return false;
    }
    String host = URI.create(address).getHost();
    return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
  }

  private Finding version(EngineProfile profile) {
    return Finding.ok(
        "version",
        profile.product()
            + " "
            + engine.engineVersion()
            + ", API "
            + engine.apiVersion()
            + " (the engine accepts "
            + engine.minApiVersion()
            + " and newer)",
        "vlab and the engine agreed on API " + engine.apiVersion() + ", the newest both speak.");
  }

  private static Finding platform(EngineProfile profile) {
    String value =
        profile.operatingSystem()
            + ", "
            + profile.osType()
            + "/"
            + profile.architecture()
            + ", kernel "
            + profile.kernel();
    if (!"linux".equals(profile.osType())) {
      return Finding.problem(
          "platform",
          value,
          "The demo app is a Linux image and this engine runs "
              + profile.osType()
              + " containers. In Docker Desktop choose 'Switch to Linux containers'.");
    }
    return Finding.ok("platform", value, "Linux containers: the demo image runs as built.");
  }

  private static Finding storage(EngineProfile profile) {
    String backing =
        profile.backingFilesystem().isEmpty() ? "" : " on " + profile.backingFilesystem();
    return Finding.ok(
        "storage",
        profile.storageDriver() + backing,
        "A container's own files live in its "
            + profile.storageDriver()
            + " writable layer, which 'docker rm' deletes: the ephemeral lab shows that.");
  }

  private static Finding cgroups(EngineProfile profile) {
    String driver = profile.cgroupDriver().isEmpty() ? "" : " (" + profile.cgroupDriver() + ")";
    return Finding.ok(
        "cgroups",
        (profile.cgroupVersion().isEmpty() ? "not reported" : "v" + profile.cgroupVersion())
            + driver,
        "Cgroups limit what containers use; they change nothing about volumes in the labs.");
  }

  private static Finding rootless(EngineProfile profile) {
    if (profile.rootless()) {
      return Finding.note(
          "rootless",
          "yes",
          "Container uids map to other host uids: the app's uid 1000 is a subordinate uid on the"
              + " host, so notes it writes in a bind-mount folder belong to that uid, not to"
              + " you, and the container's root is you.");
    }
    return Finding.ok(
        "rootless",
        "no: the engine runs as root",
        "A uid in a container is the same uid on the host: the app's uid 1000 meets host folder"
            + " modes as they are, as the permission lab expects.");
  }

  private static Finding selinux(EngineProfile profile) {
    if (profile.selinux()) {
      return Finding.note(
          "SELinux",
          "enabled",
          "A container may write a bind mount only once it is relabelled (':z'). vlab relabels"
              + " the folders it creates; students typing 'docker run -v' must add ':z'.");
    }
    return Finding.ok("SELinux", "not enabled", "Bind mounts need no ':z'.");
  }

  private static Finding vm(EngineProfile profile) {
    if (profile.vmBacked()) {
      return Finding.note(
          "VM",
          "the engine runs in " + profile.vm(),
          "Bind mounts go through "
              + profile.vm()
              + "'s file sharing: host folder permissions may not apply, so the permission lab"
              + " may be 'not reproducible here'; only shared folders (your home, by default)"
              + " can be mounted.");
    }
    return Finding.ok(
        "VM",
        "none: containers run on this host",
        "Bind mounts are host folders as they are: their modes and owners apply.");
  }

  private Finding disk(EngineProfile profile) {
    Path root =
        Path.of(profile.dockerRootDir().isEmpty() ? "/nonexistent" : profile.dockerRootDir());
    if (profile.vmBacked() || isRemote(engine.address()) || !Files.isDirectory(root)) {
      // TODO: measure VM-backed and remote engines' disk; a full one shows only as a failed lab
      return Finding.note(
          "free disk",
          "unknown",
          "The engine keeps its data at "
              + profile.dockerRootDir()
              + " inside its VM or on another machine, which vlab cannot measure from here;"
              + " 'docker system df' shows what it uses.");
    }
    try {
      long free = Files.getFileStore(root).getUsableSpace();
      String value = gigabytes(free) + " free where the engine keeps its data (" + root + ")";
      return free < LOW_DISK_BYTES
          ? Finding.problem(
              "free disk",
              value,
              "Too little: the engine may fail to create containers. Free some space, for"
                  + " example with 'docker system prune' (it removes all unused data).")
          : Finding.ok("free disk", value, "Enough for the demo image and the labs' notes.");
    } catch (IOException e) {
      return Finding.note("free disk", "unknown", "Could not read " + root + ": " + e.getMessage());
    }
  }

  private static String gigabytes(long bytes) {
    return String.format("%.1f GB", bytes / 1e9);
  }

  private Finding demoImage() {
    DemoImage.Outcome plan = image.plan();
    if (!plan.built()) {
      return Finding.ok("demo image", plan.name() + " is there", plan.reason());
    }
    String value =
        plan.name() + " is not built yet; vlab will build it (" + plan.method().label() + ")";
    if (plan.method() == BuildMethod.DOCKERFILE_WITH_PULL) {
      return Finding.note(
          "demo image",
          value,
          "Because " + plan.reason() + ". Without a registry that build fails.");
    }
    return Finding.ok("demo image", value, "Because " + plan.reason() + ".");
  }

  private Finding leftovers() {
    Map<RunLeftovers.State, List<RunLeftovers>> runs =
        LeftoverFinder.find(engine, workRoot).stream()
            .collect(Collectors.groupingBy(RunLeftovers::state));
    List<String> parts = new ArrayList<>();
    describe(runs, RunLeftovers.State.LEFT_OVER, "no longer running", parts);
    describe(runs, RunLeftovers.State.ELSEWHERE, "made on another host", parts);
    describe(runs, RunLeftovers.State.OWNER_UNKNOWN, "whose owner was not recorded", parts);
    int inUse = runs.getOrDefault(RunLeftovers.State.IN_USE, List.of()).size();
    String running = inUse == 0 ? "" : inUse + " run(s) of a vlab still running, left alone";
    if (parts.isEmpty()) {
      return Finding.ok(
          "leftovers",
          running.isEmpty() ? "none" : "none; " + running,
          "Nothing from earlier runs is on the engine or in " + workRoot.resolve("runs") + ".");
    }
    if (!running.isEmpty()) {
      parts.add(running);
    }
    return Finding.note(
        "leftovers",
        String.join("; ", parts),
        "Earlier runs left these behind. 'vlab clean' removes those whose vlab is gone"
            + " (--dry-run lists them first), 'vlab clean --run ID' a run it cannot check; a run"
            + " still in use is never touched.");
  }

  private static void describe(
      Map<RunLeftovers.State, List<RunLeftovers>> runs,
      RunLeftovers.State state,
      String what,
      List<String> parts) {
    List<RunLeftovers> these = runs.getOrDefault(state, List.of());
    if (!these.isEmpty()) {
      parts.add(
          these.size()
              + " run(s) "
              + what
              + ": "
              + these.stream().map(RunLeftovers::describe).collect(Collectors.joining("; ")));
    }
  }

  private Finding workFolder(EngineProfile profile) {
    String shared = profile.vmBacked() ? " It must be shared with " + profile.vm() + "'s VM." : "";
    try {
      Files.createDirectories(workRoot);
      if (Files.isWritable(workRoot)) {
        return Finding.ok(
            "work folder", workRoot.toString(), "Bind-mount folders go here." + shared);
      }
    } catch (IOException e) {
      // Reported below, with what to do.
    }
    return Finding.problem(
        "work folder",
        workRoot + " is not writable",
        "vlab creates the labs' host folders there. Set VLAB_HOME to a writable folder.");
  }
}
