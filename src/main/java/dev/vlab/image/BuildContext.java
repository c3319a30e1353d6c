package dev.vlab.image;

import dev.vlab.FileModes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes a build context: the tar stream the engine's build endpoint reads. */
final class BuildContext implements AutoCloseable {
  private final TarArchiveOutputStream tar;

  BuildContext(OutputStream out) {
    this.tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  void addBytes(String name, byte[] content, int mode) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    entry.setMode(mode);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  void addFolder(String name, int mode) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    entry.setMode(mode);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  /** Adds the tree under {@code dir} as {@code prefix/...}, keeping each file's mode. */
  void addTree(Path dir, String prefix) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.sorted().toList();
    }
    for (Path path : paths) {
      String name = prefix + "/" + dir.relativize(path).toString().replace('\\', '/');
      if (Files.isDirectory(path)) {
        addFolder(name, modeOf(path));
      } else {
        addBytes(name, Files.readAllBytes(path), modeOf(path));
      }
    }
  }

  private static int modeOf(Path path) throws IOException {
    return FileModes.bits(Files.getPosixFilePermissions(path));
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
