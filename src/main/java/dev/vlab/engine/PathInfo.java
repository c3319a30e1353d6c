package dev.vlab.engine;

import java.time.Instant;

/**
 * A path inside a container as the archive endpoint describes it.
 *
 * @param mode the permission bits, such as 0755
 * @param empty true when it is a folder with nothing in it, or a file
 */
public record PathInfo(long uid, long gid, int mode, Instant modified, boolean empty) {

  /** Whether a process with this user and group id may create files here. */
  public boolean writableBy(long userId, long groupId) {
    if (userId == 0) {
      return true;
    }
    // Creating a file in a folder takes both write and search (x) permission on it.
    if (userId == uid) {
      return (mode & 0300) == 0300;
    }
    if (groupId == gid) {
      return (mode & 0030) == 0030;
    }
    return (mode & 0003) == 0003;
  }
}
