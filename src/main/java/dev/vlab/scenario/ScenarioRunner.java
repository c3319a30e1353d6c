package dev.vlab.scenario;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.ContainerSpec;
import dev.vlab.engine.Labels;
import dev.vlab.engine.MountSpec;
import dev.vlab.image.DemoImage;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabMount;
import dev.vlab.scenario.NotesClient.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  private final StepObserver observer;

  public ScenarioRunner(RunContext run, StepObserver observer) {
    this.run = run;
    this.observer = observer;
  }

  /** A running copy of the app: its container and the client that reaches it. */
  private record App(String id, String name, NotesClient client) {}

  /** Runs one lab; its progress lines start with its id, as labs may run side by side. */
  public ScenarioResult run(Lab lab) {
    if (run.resources().isClosed()) {
      return result(lab, false, false, new Trace(lab.id()), "The run ended before it started.");
    }
    run.progress().accept("[" + lab.id() + "] " + lab.title());
    ScenarioResult result = runSteps(lab);
    run.progress().accept("[" + lab.id() + "] " + verdict(result));
    return result;
  }

  private static String verdict(ScenarioResult result) {
    if (result.error() != null) {
      return "could not run to the end";
    }
    return result.asExpected() ? "behaved as expected" : "did NOT behave as expected";
  }

  private ScenarioResult runSteps(Lab lab) {
    Trace trace = new Trace(lab.id());
    String marker = "note from vlab run " + run.runId() + " (" + lab.id() + ")";
    try {
      ContainerSpec spec = containerSpec(lab, prepareMounts(lab, trace));
      App first = start(spec, trace);
      Answer write = write(first, marker, trace);
      explainWrite(spec, first, write, trace);
      remove(first, trace);
      App second = start(spec, trace);
      boolean survived = readBack(second, marker, trace);
      explainStorage(lab, spec, second, trace);
      return result(lab, write.ok(), survived, trace, null);
    } catch (VlabException e) {
      if (e.exitCode() != ExitCode.FAILED) {
        throw e;
      }
      log.debug("scenario {} failed", lab.id(), e);
      return result(lab, false, false, trace, e.getMessage());
    }
  }

  private List<MountSpec> prepareMounts(Lab lab, Trace trace) {
    List<MountSpec> mounts = new ArrayList<>();
    for (LabMount mount : lab.mounts()) {
      if (mount.type() == LabMount.Type.BIND) {
        Path folder = createFolder(lab, mount, trace);
        mounts.add(
            new MountSpec(
                MountSpec.Kind.BIND, folder.toString(), mount.target(), mount.readOnly()));
      } else {
        String volume = run.prefix() + "-" + lab.id() + "-" + mount.source();
        trace.step(
            DockerCommands.volumeCreate(volume),
            () -> {
              run.engine().createVolume(volume, Labels.forRun(run.runId(), lab.id()));
              run.resources().addVolume(lab.id(), volume);
              return "volume " + volume + " created";
            });
        mounts.add(new MountSpec(MountSpec.Kind.VOLUME, volume, mount.target(), mount.readOnly()));
      }
    }
    return mounts;
  }

  private Path createFolder(Lab lab, LabMount mount, Trace trace) {
    Path folder = run.workspace().runDir().resolve(lab.id()).resolve(mount.source());
    trace.step(
        DockerCommands.mkdir(folder.toString(), mount.mode()),
        () -> {
          try {
            run.workspace().createFolder(lab.id(), mount.source(), mount.modeBits());
          } catch (IOException e) {
            throw VlabException.failed(
                "Could not create the host folder " + folder + ": " + e.getMessage(), e);
          }
          return "folder " + folder + " created with mode " + mount.mode();
        });
    return folder;
  }

  private ContainerSpec containerSpec(Lab lab, List<MountSpec> mounts) {
    return new ContainerSpec(
        run.prefix() + "-" + lab.id(),
        run.image(),
        DemoImage.PORT,
        mounts,
        Labels.forRun(run.runId(), lab.id()));
  }

  private App start(ContainerSpec spec, Trace trace) {
    String id =
        trace.step(
            DockerCommands.run(spec),
            () -> {
              String created = run.engine().runContainer(spec);
              run.resources().addContainer(trace.labId, created);
              return created;
            });
    int port =
        trace.step(
            DockerCommands.port(spec.name(), spec.containerPort()),
            () -> run.engine().publishedPort(id, spec.containerPort()));
    NotesClient client = new NotesClient(port);
    Readiness.untilAnswering(
        run.engine(), id, spec.name(), client, run.readyTimeout(), run.resources()::isClosed);
    run.progress().accept("[" + trace.labId + "] " + spec.name() + " answers on port " + port);
    return new App(id, spec.name(), client);
  }

  private Answer write(App app, String marker, Trace trace) {
    return trace.step(
        DockerCommands.post(app.client().url("/notes"), marker),
        () -> http(() -> app.client().addNote(marker)));
  }

  private void remove(App app, Trace trace) {
    trace.step(
        DockerCommands.removeForce(app.name()),
        () -> {
          run.engine().removeContainer(app.id());
          return "removed";
        });
  }

  private boolean readBack(App app, String marker, Trace trace) {
    Answer answer =
        trace.step(
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
    trace.command(DockerCommands.logs(app.name()));
    List<String> logs = run.engine().logs(app.id()).lines().toList();
    logs.stream().limit(1).forEach(l -> trace.evidence("docker logs " + app.name() + ": " + l));
    logs.stream()
        .filter(l -> l.contains("ERROR"))
        .forEach(l -> trace.evidence("docker logs " + app.name() + ": " + l));
    if (write.ok() && !isMounted(spec, DemoImage.DATA_DIR)) {
      trace.command(DockerCommands.diff(app.name()));
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
    trace.command(DockerCommands.volumeInspect(mount.source()));
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

  private ScenarioResult result(
      Lab lab, boolean write, boolean survived, Trace trace, String error) {
    boolean asExpected =
        error == null
            && write == lab.expect().writeSucceeds()
            && survived == lab.expect().dataSurvives();
    String explanation =
        error != null
            ? "The scenario could not run to the end."
            : asExpected ? lab.explanation().expected() : lab.explanation().surprising();
    explanation = explanation.strip().replaceAll("\\s+", " ");
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
        error);
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
    private final List<String> commands = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();

    Trace(String labId) {
      this.labId = labId;
    }

    <T> T step(String command, java.util.function.Supplier<T> action) {
      // A run that is ending (Ctrl-C, or another scenario's failure) creates nothing more.
      if (run.resources().isClosed()) {
        throw VlabException.failed("The run was stopped before: " + command, null);
      }
      observer.before(labId, command);
      commands.add(command);
      T outcome = action.get();
      observer.after(labId, command, String.valueOf(outcome));
      return outcome;
    }

    void command(String command) {
      observer.before(labId, command);
      commands.add(command);
    }

    void evidence(String line) {
      evidence.add(line);
      observer.after(labId, commands.isEmpty() ? "" : commands.get(commands.size() - 1), line);
    }
  }
}
