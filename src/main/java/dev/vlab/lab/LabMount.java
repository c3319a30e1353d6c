package dev.vlab.lab;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A mount in a lab file.
 *
 * @param source for a bind mount, a folder that vlab creates in its own work folder; for a volume,
 *     the volume's short name. vlab prefixes both with the run's name.
 * @param mode a bind mount's folder mode, in octal, such as {@code 0555}
 */
public record LabMount(Type type, String source, String target, String mode, boolean readOnly) {
  /** The mount types a lab can use. */
  public enum Type {
    BIND,
    VOLUME;

    /** Written in lower case, as in lab files. */
    @JsonValue
    public String label() {
      return name().toLowerCase();
    }
  }

  /** The folder mode as a number, from its octal text. */
  public int modeBits() {
    return Integer.parseInt(mode, 8);
  }
}
