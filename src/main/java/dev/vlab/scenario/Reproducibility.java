package dev.vlab.scenario;

import dev.vlab.engine.EngineProfile;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabMount;
import java.util.Optional;

/**
 * Whether a lab can show its lesson on an engine. A lab that expects a write to fail because of a
 * host folder's mode needs an engine that applies host modes; a VM-backed engine's file sharing may
 * not, and then a surprising outcome is the engine's doing, not a mistake in the lab.
 */
public final class Reproducibility {
  private Reproducibility() {}

  /** Why {@code lab} cannot show its lesson on an engine like {@code profile}; empty if it can. */
  public static Optional<String> whyNot(Lab lab, EngineProfile profile) {
    if (!profile.vmBacked() || lab.expect().writeSucceeds() || !deniesWrites(lab)) {
      return Optional.empty();
    }
    return Optional.of(
        "this engine runs in "
            + profile.vm()
            + ", whose file sharing does not apply host folder modes as Linux does, so a folder"
            + " whose mode forbids writing may still take the app's note");
  }

  /** A host folder whose mode keeps "others" (the app's uid 1000) from writing. */
  private static boolean deniesWrites(Lab lab) {
    return lab.mounts().stream()
        .anyMatch(m -> m.type() == LabMount.Type.BIND && (m.modeBits() & 0002) == 0);
  }
}
