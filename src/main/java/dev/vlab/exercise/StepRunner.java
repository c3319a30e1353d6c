package dev.vlab.exercise;

import dev.vlab.FileModes;
import dev.vlab.VlabException;
import dev.vlab.engine.ContainerSpec;
import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.engine.MountSpec;
import dev.vlab.image.DemoImage;
import dev.vlab.scenario.DockerCommands;
import dev.vlab.scenario.NotesClient;
import dev.vlab.scenario.Readiness;
import dev.vlab.scenario.Resources;
import dev.vlab.scenario.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Takes the steps of an exercise's setup or reference solution, through the Engine API, as a
 * student would type them. Everything it creates carries the given labels and is recorded in {@code
 * resources}; it removes only containers that carry its run's label.
 */
public final class StepRunner {
  private final Engine engine;
  private final Names names;
  private final String runId;
  private final Map<String, String> labels;
  private final Resources resources;
  private final Duration timeout;
  private final Consumer<String> commands;

  /**
   * @param labels for everything it creates; they must name {@code runId}
   * @param commands hears the docker command equivalent to each step
   */
  public StepRunner(
      Engine engine,
      Names names,
      String runId,
      Map<String, String> labels,
      Resources resources,
      Duration timeout,
      Consumer<String> commands) {
    this.engine = engine;
    this.names = names;
    this.runId = runId;
    this.labels = Map.copyOf(labels);
    this.resources = resources;
    this.timeout = timeout;
    this.commands = commands;
  }

  /**
   * Takes {@code steps} in order.
   *
   * @param check what a {@code check} step does: run the exercise's checks, as a student would
   * @param progress where an {@code answer} step records the student's answer
   */
  public void run(List<Step> steps, Runnable check, ExerciseProgress progress) {
    for (Step step : steps) {
      switch (step.action()) {
        case BUILD_IMAGE -> buildImage();
        case MKDIR -> mkdir(step.folder(), step.mode());
        case VOLUME_CREATE -> createVolume(names.volume(step.volume()));
        case RUN -> run(step);
        case REMOVE -> remove(names.container(step.container()));
        case NOTE -> note(names.container(step.container()), step.text());
        case CHECK -> check.run();
        case ANSWER -> answer(names.volume(step.volume()), progress);
      }
    }
  }

  private void buildImage() {
    commands.accept("docker build -t " + names.image() + " demo-app");
    DemoImage.bundled(engine, names.image(), line -> {}).ensure(null);
    if (!names.image().equals(DemoImage.NAME)) {
      resources.addImage(names.image());
    }
  }

  private void mkdir(String name, String mode) {
    Path folder = names.folder(name);
    commands.accept(DockerCommands.mkdir(folder.toString(), mode));
    try {
      // Only a new folder: vlab never takes over one it did not make.
      Files.createDirectory(folder);
      Files.setPosixFilePermissions(folder, FileModes.permissions(Integer.parseInt(mode, 8)));
    } catch (IOException e) {
      throw VlabException.failed(
          "Could not create the folder "
              + folder
              + " ("
              + e
              + "). vlab only makes new folders: if it is left from an earlier try, remove it"
              + " ('chmod -R u+w "
              + folder
              + " && rm -r "
              + folder
              + "') and try again.",
          e);
    }
  }

  private void createVolume(String volume) {
    commands.accept(DockerCommands.volumeCreate(volume));
    resources.create(() -> createVolumeNow(volume));
  }

  /** Creates a volume labelled for this run, which is how the run's clean-up finds it. */
  private String createVolumeNow(String volume) {
    engine.createVolume(volume, labels);
    return volume;
  }

  private void run(Step step) {
    List<MountSpec> mounts = new ArrayList<>();
    for (Step.StepMount mount : step.mounts()) {
      if (mount.volume()) {
        String volume = names.volume(mount.source());
        // docker run would make a missing volume too; made here, it carries vlab's labels.
        if (engine.inspectVolume(volume).isEmpty()) {
          resources.create(() -> createVolumeNow(volume));
        }
        mounts.add(new MountSpec(MountSpec.Kind.VOLUME, volume, mount.target(), false, false));
      } else {
        String folder = names.folder(mount.source()).toString();
        mounts.add(new MountSpec(MountSpec.Kind.BIND, folder, mount.target(), false, false));
      }
    }
    ContainerSpec spec =
        new ContainerSpec(
            names.container(step.container()),
            names.image(),
            RunContext.DEFAULT_PUBLISH_ADDRESS,
            DemoImage.PORT,
            0,
            mounts,
            labels);
    commands.accept(DockerCommands.run(spec));
    resources.create(() -> engine.runContainer(spec));
  }

  private void remove(String container) {
    commands.accept(DockerCommands.removeForce(container));
    var found = engine.inspectContainer(container);
    if (found.isPresent() && !Labels.belongsTo(found.get().getConfig().getLabels(), runId)) {
      throw VlabException.failed(
          "The container " + container + " is not one vlab made here, so vlab leaves it alone.",
          null);
    }
    found.ifPresent(c -> engine.removeContainer(c.getId()));
  }

  private void note(String container, String text) {
    String id = engine.inspectContainer(container).orElseThrow(() -> gone(container)).getId();
    NotesClient app =
        new NotesClient(
            engine.publishedPort(id, DemoImage.PORT).orElseThrow(() -> gone(container)));
    commands.accept(DockerCommands.post(app.url("/notes"), text));
    Readiness.untilAnswering(engine, id, container, app, timeout);
    try {
      app.addNote(text);
    } catch (IOException e) {
      throw VlabException.failed("The notes app in " + container + " stopped answering.", e);
    }
  }

  private void answer(String volume, ExerciseProgress progress) {
    commands.accept(DockerCommands.volumeInspect(volume));
    String mountpoint =
        engine
            .inspectVolume(volume)
            .orElseThrow(
                () ->
                    VlabException.failed(
                        "There is no volume " + volume + " to say where it lives.", null))
            .getMountpoint();
    progress.answer(mountpoint);
  }

  private static VlabException gone(String container) {
    return VlabException.failed(
        "There is no container " + container + " to write a note to.", null);
  }
}
