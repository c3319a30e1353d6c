package dev.vlab.engine;

/**
 * One mount of a container: a host folder or a named volume on a path inside it.
 *
 * @param relabel for a host folder on an SELinux engine: relabel it (":z") so containers may use it
 */
public record MountSpec(
    Kind kind, String source, String target, boolean readOnly, boolean relabel) {
  /** The kinds of mount the engine is asked for. */
  public enum Kind {
    BIND,
    VOLUME
  }
}
