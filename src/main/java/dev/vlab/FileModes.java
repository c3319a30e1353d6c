package dev.vlab;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Converts between octal file modes such as 0555 and Java's permission sets. */
public final class FileModes {
  private FileModes() {}

  /** The mode bits of a permission set: OWNER_READ is 0400, down to OTHERS_EXECUTE, 0001. */
  public static int bits(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return mode;
  }

  public static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission permission : PosixFilePermission.values()) {
      if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
        permissions.add(permission);
      }
    }
    return permissions;
  }

  public static String octal(int mode) {
    return String.format("%04o", mode);
  }
}
