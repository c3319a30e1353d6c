package dev.vlab.clean;

import dev.vlab.engine.Owner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one run of vlab has on the engine and on disk, and whether its process still runs.
 *
 * @param owner the vlab process that made the run; empty for runs of a vlab that did not say
 * @param containers container names
 * @param volumes volume names
 * @param folder the run folder, if there is one with vlab's marker
 */
public record RunLeftovers(
    String runId,
    Optional<Owner> owner,
    List<String> containers,
    List<String> volumes,
    Optional<Path> folder) {

  /** Whether a run may be cleaned, as far as this host can tell. */
  public enum State {
    /** Its vlab process still runs: never touched. */
    IN_USE,
    /** Its vlab process is gone: a leftover, removed by {@code vlab clean}. */
    LEFT_OVER,
    /** Made on another host: removed only when named with {@code --run}. */
    ELSEWHERE,
    /** Made by a vlab that did not record its process: removed only when named with --run. */
    OWNER_UNKNOWN
  }

  /** Asks the system now: a process may end between two calls. */
  public State state() {
    if (owner.isEmpty()) {
      return State.OWNER_UNKNOWN;
    }
    return switch (owner.get().status()) {
      case RUNNING -> State.IN_USE;
      case GONE -> State.LEFT_OVER;
      case ELSEWHERE -> State.ELSEWHERE;
    };
  }

  /** For people: "run 3fa2c1 (vlab pid 4242 on vm): 2 containers, 1 volume, its folder". */
  public String describe() {
    String who = owner.map(o -> " (" + o.describe() + ")").orElse(" (owner not recorded)");
    String what =
        count(containers.size(), "container")
            + ", "
            + count(volumes.size(), "volume")
            + (folder.isPresent() ? ", its folder " + folder.get() : "");
    return "run " + runId + who + ": " + what;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
