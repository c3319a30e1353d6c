package dev.vlab.clean;

import dev.vlab.engine.Engine;
import dev.vlab.engine.Labels;
import dev.vlab.engine.Owner;
import dev.vlab.scenario.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Removes what runs of vlab left behind. Each object is checked again just before it goes: its
 * labels must still name vlab, the run and the run's owner, and the owner's process must still be
 * gone, so a run that is in use, or anything vlab did not make, is never touched.
 */
public final class Cleaner {
  private final Engine engine;
  private final Path workRoot;
  private final boolean dryRun;

  /** What a clean did, or would do with {@code --dry-run}. */
  public record Outcome(List<String> removed, List<String> leftAlone, List<String> failed) {}

  public Cleaner(Engine engine, Path workRoot, boolean dryRun) {
    this.engine = engine;
    this.workRoot = workRoot;
    this.dryRun = dryRun;
  }

  /**
   * Cleans the runs whose vlab process is gone, or, when {@code named} is not empty, exactly the
   * named runs whatever their owner, unless one is still in use.
   */
  public Outcome clean(Set<String> named) {
    Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<RunLeftovers> runs = LeftoverFinder.find(engine, workRoot);
    for (RunLeftovers run : runs) {
      if (!named.isEmpty() && !named.contains(run.runId())) {
        continue;
      }
      Optional<String> why = whyLeaveAlone(run, !named.isEmpty());
      if (why.isPresent()) {
        outcome.leftAlone().add(run.describe() + ": " + why.get());
      } else {
        clean(run, outcome);
      }
    }
    for (String id : named) {
      if (runs.stream().noneMatch(r -> r.runId().equals(id))) {
        outcome.leftAlone().add("run " + id + ": nothing of it was found");
      }
    }
    return outcome;
  }

  private static Optional<String> whyLeaveAlone(RunLeftovers run, boolean namedByUser) {
    return switch (run.state()) {
      case LEFT_OVER -> Optional.empty();
      case IN_USE -> Optional.of("its vlab is still running; stop it first");
      case ELSEWHERE ->
          namedByUser
              ? Optional.empty()
              : Optional.of("made on another host; 'vlab clean --run " + run.runId() + "'");
      case OWNER_UNKNOWN ->
          namedByUser
              ? Optional.empty()
              : Optional.of(
                  "made by a vlab that did not record its process, so it may still be in use;"
                      + " 'vlab clean --run "
                      + run.runId()
                      + "' if it is not");
    };
  }

  private void clean(RunLeftovers run, Outcome outcome) {
    String verb = dryRun ? "would remove " : "removed ";
    for (String name : run.containers()) {
      boolean ours =
          engine
              .inspectContainer(name)
              .map(c -> isOwn(c.getConfig().getLabels(), run))
              .orElse(false);
      if (ours && !dryRun) {
        engine.removeContainer(name);
      }
      if (ours) {
        outcome.removed().add(verb + "container " + name + " (" + origin(run) + ")");
      }
    }
    for (String name : run.volumes()) {
      boolean ours = engine.inspectVolume(name).map(v -> isOwn(v.getLabels(), run)).orElse(false);
      if (ours && !dryRun && !engine.removeVolume(name)) {
        outcome.failed().add("volume " + name + " is still used by a container; it stays");
      } else if (ours) {
        outcome.removed().add(verb + "volume " + name + " (" + origin(run) + ")");
      }
    }
    run.folder().ifPresent(folder -> cleanFolder(run, folder, verb, outcome));
  }

  private void cleanFolder(RunLeftovers run, Path folder, String verb, Outcome outcome) {
    if (dryRun) {
      outcome.removed().add(verb + "folder " + folder + " (" + origin(run) + ")");
      return;
    }
    try {
      new Workspace(workRoot, run.runId())
          .delete()
          .ifPresent(
              dir -> outcome.removed().add(verb + "folder " + dir + " (" + origin(run) + ")"));
    } catch (IOException e) {
      outcome.failed().add("folder " + folder + " could not be deleted: " + e.getMessage());
    }
  }

  /** Labels that still say vlab made this for the run, by the same process it found. */
  private static boolean isOwn(Map<String, String> labels, RunLeftovers run) {
    if (!Labels.belongsTo(labels, run.runId())) {
      return false;
    }
    Optional<Owner> owner = Owner.parse(labels.get(Labels.OWNER));
    return owner.equals(run.owner()) && run.state() != RunLeftovers.State.IN_USE;
  }

  private static String origin(RunLeftovers run) {
    return "run " + run.runId() + run.owner().map(o -> ", made by " + o.describe()).orElse("");
  }
}
