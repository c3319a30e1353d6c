package dev.vlab.scenario;

import com.github.dockerjava.api.exception.DockerException;
import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.ContainerSpec;
import dev.vlab.engine.Labels;
import dev.vlab.engine.MountSpec;
import dev.vlab.engine.NameTakenException;
import dev.vlab.image.DemoImage;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabMount;
import dev.vlab.lab.LabStep;
import dev.vlab.scenario.NotesClient.Answer;
import dev.vlab.scenario.StepObserver.Decision;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one lab: mounts as the lab says, starts the notes app, writes a marker note, removes the
 * container as {@code docker rm -f} does, starts a new one with the same mounts, and looks for the
 * note. Along the way it gathers the evidence that explains the outcome.
 */
public final class ScenarioRunner {
  private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);

  private final RunContext run;
  private final Names names;
  private final StepObserver observer;

  /** A runner that names things with the run's prefix, as {@code run-lab} does. */
  public ScenarioRunner(RunContext run, StepObserver observer) {
    this(run, Names.prefixed(run), observer);
  }

  public ScenarioRunner(RunContext run, Names names, StepObserver observer) {
    this.run = run;
    this.names = names;
    this.observer = observer;
  }

  /** The note a run writes through the app, unique to the run and the lab. */
  public static String marker(String runId, String labId) {
    return "note from vlab run " + runId + " (" + labId + ")";
  }

  /** A running copy of the app: its container and the client that reaches it. */
  private record App(String id, String name, NotesClient client) {}

  /**
   * Runs the lab's scenario and says how it went.
   *
   * @throws ScenarioStopped when the observer skipped a step the rest needs, or quit
   */
  public ScenarioResult run(Lab lab) {
    Trace trace = new Trace(lab.id());
    String marker = marker(run.runId(), lab.id());
    try {
      ContainerSpec spec = containerSpec(lab, prepareMounts(lab, trace));
      App first = start(spec, LabStep.RUN, trace);
      showMounts(first, trace);
      Answer write = write(first, marker, trace);
      trace.wrote = write.ok();
      explainWrite(spec, first, write, trace);
      remove(first, trace);
      App second = start(spec, LabStep.RERUN, trace);
      boolean survived = readBack(second, marker, trace);
      explainStorage(lab, spec, second, trace);
      return result(lab, survived, trace, null);
    } catch (VlabException e) {
      // A taken name stops the whole run: going on could only meet more of the same.
      if (e.exitCode() != ExitCode.FAILED || e instanceof NameTakenException) {
        throw e;
      }
      log.debug("scenario {} failed", lab.id(), e);
      return result(lab, false, trace, e.getMessage());
    } catch (DockerException e) {
      log.debug("scenario {} failed", lab.id(), e);
      return result(
          lab,
          false,
          trace,
          "The engine refused a request: " + e.getMessage() + ". Run with -v for details.");
    }
  }

  /** Creates each bind folder and volume once, even when the lab mounts it on two paths. */
  private List<MountSpec> prepareMounts(Lab lab, Trace trace) {
    Map<String, String> prepared = new HashMap<>();
    List<MountSpec> mounts = new ArrayList<>();
    for (LabMount mount : lab.mounts()) {
      MountSpec.Kind kind =
          mount.type() == LabMount.Type.BIND ? MountSpec.Kind.BIND : MountSpec.Kind.VOLUME;
      String source =
          prepared.computeIfAbsent(
              kind + "/" + mount.source(),
              key ->
                  kind == MountSpec.Kind.BIND
                      ? createFolder(lab, mount, trace).toString()
                      : createVolume(lab, mount, trace));
      // On SELinux a container may not write a host folder until it is relabelled; the folder is
      // vlab's own, so relabelling it changes nothing of the user's.
      boolean relabel = kind == MountSpec.Kind.BIND && run.engine().profile().selinux();
      mounts.add(new MountSpec(kind, source, mount.target(), mount.readOnly(), relabel));
    }
    return mounts;
  }

  private String createVolume(Lab lab, LabMount mount, Trace trace) {
    String volume = names.volume(lab, mount);
    trace.outcome(
        trace.step(
            LabStep.VOLUME,
            DockerCommands.volumeCreate(volume),
            () ->
                run.resources()
                    .create(
                        () -> {
                          run.engine().createVolume(volume, Labels.forRun(run.runId(), lab.id()));
                          return "volume " + volume + " created";
                        })));
    return volume;
  }

  private Path createFolder(Lab lab, LabMount mount, Trace trace) {
    Path folder = run.workspace().runDir().resolve(lab.id()).resolve(mount.source());
    trace.outcome(
        trace.step(
            LabStep.FOLDER,
            DockerCommands.mkdir(folder.toString(), mount.mode()),
            () -> run.resources().create(() -> createdFolder(lab, mount, folder))));
    return folder;
  }

  private String createdFolder(Lab lab, LabMount mount, Path folder) {
    try {
      run.workspace().createFolder(lab.id(), mount.source(), mount.modeBits());
    } catch (IOException e) {
      throw VlabException.failed(
          "Could not create the host folder " + folder + ": " + e.getMessage(), e);
    }
    return "folder " + folder + " created with mode " + mount.mode();
  }

  private ContainerSpec containerSpec(Lab lab, List<MountSpec> mounts) {
    return new ContainerSpec(
        names.container(lab),
        run.image(),
        run.publishAddress(),
        DemoImage.PORT,
        names.hostPort(lab),
        mounts,
        Labels.forRun(run.runId(), lab.id()));
  }

  /** Starts a container ({@code kind} tells the first from the new one) and waits for the app. */
  private App start(ContainerSpec spec, LabStep kind, Trace trace) {
    String id =
        trace.step(
            kind,
            DockerCommands.run(spec),
            () ->
                run.resources()
                    .create(
                        () -> {
                          String created = run.engine().createContainer(spec);
                          run.engine().startContainer(created, spec.name());
                          return created;
                        }));
    trace.outcome("container " + spec.name() + " started (" + id.substring(0, 12) + ")");
    try {
      int port = spec.hostPort() > 0 ? spec.hostPort() : publishedPort(id, spec, trace);
      NotesClient client = new NotesClient(spec.hostAddress(), port);
      Readiness.untilAnswering(run.engine(), id, spec.name(), client, run.readyTimeout());
      String which = kind == LabStep.RUN ? "first" : "new";
      run.progress()
          .accept(
              "["
                  + trace.labId
                  + "] "
                  + which
                  + " container "
                  + spec.name()
                  + " answers on port "
                  + port);
      trace.outcome("the app answers on " + client.url("/"));
      return new App(id, spec.name(), client);
    } catch (Readiness.Exited e) {
      trace.command(LabStep.LOGS, DockerCommands.logs(spec.name()));
      trace.evidence(
          spec.name() + " exited at start with exit code " + e.containerExitCode() + ".");
      e.logs().lines().forEach(l -> trace.evidence("docker logs " + spec.name() + ": " + l));
      throw e;
    }
  }

  /** The port the engine chose, asked for as {@code docker port} would; none once it stopped. */
  private int publishedPort(String id, ContainerSpec spec, Trace trace) {
    return trace.step(
        LabStep.PORT,
        DockerCommands.port(spec.name(), spec.containerPort()),
        () ->
            run.engine()
                .publishedPort(id, spec.containerPort())
                .orElseThrow(() -> Readiness.exited(run.engine(), id, spec.name())));
  }

  /** The mount table, where a mount on the wrong path shows first. */
  private void showMounts(App app, Trace trace) {
    if (!trace.command(LabStep.MOUNTS, DockerCommands.inspectMounts(app.name()))) {
      return;
    }
    List<String> mounts = run.engine().mounts(app.id());
    boolean dataMounted = mounts.stream().anyMatch(m -> m.contains(" on " + DemoImage.DATA_DIR));
    trace.evidence(
        "Mounts of "
            + app.name()
            + ": "
            + (mounts.isEmpty() ? "none" : String.join("; ", mounts))
            + (dataMounted
                ? ""
                : "; nothing on " + DemoImage.DATA_DIR + ", where the app writes its notes")
            + ".");
  }

  private Answer write(App app, String marker, Trace trace) {
    return trace.step(
        LabStep.WRITE,
        DockerCommands.post(app.client().url("/notes"), marker),
        () -> http(() -> app.client().addNote(marker)));
  }

  private void remove(App app, Trace trace) {
    trace.step(
        LabStep.REMOVE,
        DockerCommands.removeForce(app.name()),
        () -> {
          run.engine().removeContainer(app.id());
          return null;
        });
    trace.outcome("container " + app.name() + " removed");
  }

  private boolean readBack(App app, String marker, Trace trace) {
    Answer answer =
        trace.step(
            LabStep.READ,
            DockerCommands.get(app.client().url("/notes")),
            () -> http(() -> app.client().notesAnswer()));
    try {
      boolean found = NotesClient.notesIn(answer).contains(marker);
      trace.evidence(
          "The new container "
              + app.name()
              + " serves "
              + answer.body()
              + (found ? ": the note is there." : ": the note is not there."));
      return found;
    } catch (IOException e) {
      trace.evidence("GET /notes answered " + answer.status() + " with " + answer.body());
      return false;
    }
  }

  /** What the first container shows about the write: the answer, its logs, its own changes. */
  private void explainWrite(ContainerSpec spec, App app, Answer write, Trace trace) {
    trace.evidence("POST /notes answered " + write.status() + ": " + write.body());
    if (trace.command(LabStep.LOGS, DockerCommands.logs(app.name()))) {
      List<String> logs = run.engine().logs(app.id()).lines().toList();
      logs.stream().limit(1).forEach(l -> trace.evidence("docker logs " + app.name() + ": " + l));
      logs.stream()
          .filter(l -> l.contains("ERROR"))
          .forEach(l -> trace.evidence("docker logs " + app.name() + ": " + l));
    }
    if (write.ok()
        && !isMounted(spec, DemoImage.DATA_DIR)
        && trace.command(LabStep.DIFF, DockerCommands.diff(app.name()))) {
      List<String> changes =
          run.engine().changes(app.id()).stream()
              .filter(c -> c.endsWith(DemoImage.DATA_DIR + "/notes.txt"))
              .toList();
      trace.evidence(
          "No mount covers "
              + DemoImage.DATA_DIR
              + "; docker diff shows "
              + (changes.isEmpty() ? "nothing there" : String.join(", ", changes))
              + ": the note went into the container's writable layer, which docker rm deletes.");
    }
  }

  /** Where the note could have lived: each bind folder on the host, each volume. */
  private void explainStorage(Lab lab, ContainerSpec spec, App app, Trace trace) {
    for (MountSpec mount : spec.mounts()) {
      if (mount.kind() == MountSpec.Kind.BIND) {
        HostFolders.explain(Path.of(mount.source()), mount.target(), containerUser(app), trace);
      } else {
        explainVolume(mount, app, trace);
      }
    }
  }

  private void explainVolume(MountSpec mount, App app, Trace trace) {
    if (!trace.command(LabStep.INSPECT, DockerCommands.volumeInspect(mount.source()))) {
      return;
    }
    run.engine()
        .inspectVolume(mount.source())
        .ifPresent(
            v ->
                trace.evidence(
                    "Volume "
                        + v.getName()
                        + ": driver "
                        + v.getDriver()
                        + ", kept by the engine at "
                        + v.getMountpoint()));
    List<String> files =
        run.engine().listFiles(app.id(), mount.target()).stream()
            .map(f -> f.substring(f.indexOf('/') + 1))
            .toList();
    trace.evidence(
        "Volume "
            + mount.source()
            + " (on "
            + mount.target()
            + ") "
            + (files.isEmpty() ? "is empty." : "holds " + String.join(", ", files) + "."));
  }

  private String containerUser(App app) {
    return run.engine()
        .inspectContainer(app.id())
        .map(c -> c.getConfig().getUser())
        .filter(u -> u != null && !u.isBlank())
        .orElse("root");
  }

  private static boolean isMounted(ContainerSpec spec, String path) {
    return spec.mounts().stream()
        .anyMatch(m -> path.equals(m.target()) || path.startsWith(m.target() + "/"));
  }

  private ScenarioResult result(Lab lab, boolean survived, Trace trace, String error) {
    boolean write = trace.wrote;
    boolean asExpected =
        error == null
            && write == lab.expect().writeSucceeds()
            && survived == lab.expect().dataSurvives();
    String notReproducible =
        error != null || asExpected
            ? null
            : Reproducibility.whyNot(lab, run.engine().profile()).orElse(null);
    String explanation =
        error != null
            ? "The scenario could not run to the end."
            : asExpected ? lab.explanation().expected() : lab.explanation().surprising();
    if (notReproducible != null) {
      explanation = "Not reproducible here: " + notReproducible + ". " + explanation;
    }
    explanation = Lab.oneLine(explanation);
    return new ScenarioResult(
        lab.id(),
        lab.title(),
        write,
        survived,
        new ScenarioResult.Expected(lab.expect().writeSucceeds(), lab.expect().dataSurvives()),
        asExpected,
        explanation,
        Lab.Explanation.firstSentence(explanation),
        List.copyOf(trace.commands),
        List.copyOf(trace.evidence),
        error,
        notReproducible);
  }

  /** An HTTP call to the app; a broken connection means the app died mid-scenario. */
  private static Answer http(IoCall call) {
    try {
      return call.get();
    } catch (IOException e) {
      throw VlabException.failed("The notes app stopped answering: " + e.getMessage(), e);
    }
  }

  private interface IoCall {
    Answer get() throws IOException;
  }

  /** The commands and evidence of one scenario, told to the observer as they happen. */
  final class Trace {
    private final String labId;
    private boolean wrote;
    private final List<String> commands = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();
    private Step current;

    Trace(String labId) {
      this.labId = labId;
    }

    /** A step that changes something; the rest of the scenario needs it. */
    <T> T step(LabStep kind, String command, Supplier<T> action) {
      begin(kind, command);
      return action.get();
    }

    /**
     * A step that only looks; false when the observer skipped it.
     *
     * @return whether to gather its evidence
     */
    boolean command(LabStep kind, String command) {
      return begin(kind, command);
    }

    private boolean begin(LabStep kind, String command) {
      Step step = new Step(labId, kind, command);
      Decision decision = observer.before(step);
      if (decision == Decision.QUIT || (decision == Decision.SKIP && kind.required())) {
        throw new ScenarioStopped(step, decision);
      }
      if (decision == Decision.SKIP) {
        return false;
      }
      current = step;
      commands.add(command);
      return true;
    }

    /** What a step did, for the observer only: the report keeps evidence, not progress. */
    void outcome(String line) {
      observer.after(current, line);
    }

    void evidence(String line) {
      evidence.add(line);
      observer.after(current, line);
    }
  }
}
