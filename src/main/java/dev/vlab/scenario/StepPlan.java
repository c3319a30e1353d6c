package dev.vlab.scenario;

import dev.vlab.engine.ContainerSpec;
import dev.vlab.engine.MountSpec;
import dev.vlab.image.DemoImage;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabMount;
import dev.vlab.lab.LabStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A lab's steps with their docker commands, written out without running anything: the handout's
 * commands, built by the same code as the ones the runner shows as it goes.
 */
public final class StepPlan {
  private StepPlan() {}

  /** One step as a student types it. */
  public record Planned(LabStep kind, String command) {}

  /**
   * The steps of {@link Lab#plan()} with their commands.
   *
   * @param names must publish on a known host port, as step mode does
   * @param folder where each bind mount's host folder is
   * @param note the note the write step saves
   */
  public static List<Planned> of(
      Lab lab, Names names, Function<LabMount, String> folder, String note) {
    List<Planned> steps = new ArrayList<>();
    List<MountSpec> mounts = new ArrayList<>();
    for (LabMount mount : lab.mounts()) {
      if (mount.type() == LabMount.Type.BIND) {
        String path = folder.apply(mount);
        steps.add(new Planned(LabStep.FOLDER, DockerCommands.mkdir(path, mount.mode())));
        mounts.add(
            new MountSpec(MountSpec.Kind.BIND, path, mount.target(), mount.readOnly(), false));
      } else {
        String volume = names.volume(lab, mount);
        steps.add(new Planned(LabStep.VOLUME, DockerCommands.volumeCreate(volume)));
        mounts.add(
            new MountSpec(MountSpec.Kind.VOLUME, volume, mount.target(), mount.readOnly(), false));
      }
    }
    ContainerSpec spec =
        new ContainerSpec(
            names.container(lab),
            DemoImage.configuredName(),
            RunContext.DEFAULT_PUBLISH_ADDRESS,
            DemoImage.PORT,
            names.hostPort(lab),
            mounts,
            Map.of());
    String url = new NotesClient(spec.hostAddress(), spec.hostPort()).url("/notes");
    steps.add(new Planned(LabStep.RUN, DockerCommands.run(spec)));
    steps.add(new Planned(LabStep.MOUNTS, DockerCommands.inspectMounts(spec.name())));
    steps.add(new Planned(LabStep.WRITE, DockerCommands.post(url, note)));
    steps.add(new Planned(LabStep.LOGS, DockerCommands.logs(spec.name())));
    if (lab.plan().contains(LabStep.DIFF)) {
      steps.add(new Planned(LabStep.DIFF, DockerCommands.diff(spec.name())));
    }
    steps.add(new Planned(LabStep.REMOVE, DockerCommands.removeForce(spec.name())));
    steps.add(new Planned(LabStep.RERUN, DockerCommands.run(spec)));
    steps.add(new Planned(LabStep.READ, DockerCommands.get(url)));
    for (MountSpec mount : mounts) {
      steps.addAll(looks(mount));
    }
    return steps;
  }

  private static List<Planned> looks(MountSpec mount) {
    if (mount.kind() == MountSpec.Kind.VOLUME) {
      return List.of(new Planned(LabStep.INSPECT, DockerCommands.volumeInspect(mount.source())));
    }
    return List.of(
        new Planned(
            LabStep.CAT,
            DockerCommands.cat(Path.of(mount.source()).resolve("notes.txt").toString())),
        new Planned(LabStep.STAT, DockerCommands.stat(mount.source())));
  }

  /** Where the handout has students make a bind mount's folder: where they stand. */
  public static String studentFolder(LabMount mount) {
    return DockerCommands.PWD + mount.source();
  }

  /** The commands that tidy a lab away: its container, then its volumes. */
  public static List<String> tidy(Lab lab, Names names) {
    List<String> commands = new ArrayList<>();
    commands.add(DockerCommands.removeForce(names.container(lab)));
    lab.mounts().stream()
        .filter(m -> m.type() == LabMount.Type.VOLUME)
        .forEach(m -> commands.add(DockerCommands.volumeRemove(names.volume(lab, m))));
    return commands;
  }
}
