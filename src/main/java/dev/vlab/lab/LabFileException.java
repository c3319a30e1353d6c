package dev.vlab.lab;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;

/** A mistake in a lab file, reported as {@code file:line: field: what is wrong}. */
public final class LabFileException extends VlabException {
  public LabFileException(String file, int line, String field, String problem) {
    super(ExitCode.USAGE, file + ":" + line + ": " + field + ": " + problem);
  }
}
