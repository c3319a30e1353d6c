package dev.vlab.engine;

/** One mount of a container: a host folder or a named volume on a path inside it. */
public record MountSpec(Kind kind, String source, String target, boolean readOnly) {
  /** The kinds of mount the engine is asked for. */
  public enum Kind {
    BIND,
    VOLUME
  }
}
