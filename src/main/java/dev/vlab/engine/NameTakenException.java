package dev.vlab.engine;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;

/** A name vlab wants is used by something it did not create: vlab stops rather than adopt it. */
public final class NameTakenException extends VlabException {
  NameTakenException(String kind, String name) {
    super(
        ExitCode.FAILED,
        "A "
            + kind
            + " named '"
            + name
            + "' already exists and vlab did not create it for this"
            + " run, so vlab leaves it alone and stops. Remove or rename it yourself"
            + " ('docker "
            + kind
            + " rm "
            + name
            + "') if it is not needed, then run again.");
  }
}
