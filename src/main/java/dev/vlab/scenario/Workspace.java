package dev.vlab.scenario;

import dev.vlab.FileModes;
import dev.vlab.engine.Owner;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The host folders of one run, all below {@code <root>/runs/<run id>}. A marker file holding the
 * run id (and the vlab process that made it) proves a folder is vlab's before anything in it is
 * deleted.
 */
public final class Workspace {
  static final String MARKER = ".vlab-run";

  private final Path runDir;
  private final String runId;

  public Workspace(Path root, String runId) {
    this.runDir = root.resolve("runs").resolve(runId).toAbsolutePath().normalize();
    this.runId = runId;
  }

  /** {@code $VLAB_HOME}, or {@code ~/.vlab}: inside the home folder, which every engine shares. */
  public static Path defaultRoot() {
    String home = System.getenv("VLAB_HOME");
    return home == null || home.isBlank()
        ? Path.of(System.getProperty("user.home"), ".vlab")
        : Path.of(home);
  }

  public Path runDir() {
    return runDir;
  }

  /**
   * Creates a folder for a bind mount with the given mode. {@code name} was checked to be a plain
   * name, so the folder is always inside this run's folder.
   */
  public Path createFolder(String labId, String name, int mode) throws IOException {
    Path folder = runDir.resolve(labId).resolve(name).normalize();
    if (!folder.startsWith(runDir)) {
      throw new IOException(name + " would leave the run folder " + runDir);
    }
    ensureRunDir();
    Files.createDirectories(folder.getParent());
    try {
      Files.createDirectory(folder);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("the folder " + folder + " already exists; vlab only uses new ones", e);
    }
    // chmod, not the create-time attribute: the umask would strip bits from that one.
    Files.setPosixFilePermissions(folder, FileModes.permissions(mode));
    return folder;
  }

  // Scenarios running side by side may each be the first to need the run's folder.
  private synchronized void ensureRunDir() throws IOException {
    if (Files.isDirectory(runDir)) {
      return;
    }
    Files.createDirectories(runDir);
    Files.writeString(runDir.resolve(MARKER), runId + "\n" + Owner.current().label() + "\n");
  }

  /** What a run folder's marker says: the run id, and the owner (absent from older markers). */
  public record Marker(String runId, Optional<Owner> owner) {}

  /** The marker of the folder {@code runDir}, if it has a readable one. */
  public static Optional<Marker> marker(Path runDir) {
    Path marker = runDir.resolve(MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(marker);
      if (lines.isEmpty() || lines.get(0).isBlank()) {
        return Optional.empty();
      }
      Optional<Owner> owner = lines.size() > 1 ? Owner.parse(lines.get(1)) : Optional.empty();
      return Optional.of(new Marker(lines.get(0).strip(), owner));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Every run folder below {@code root} whose marker names the folder's own run id. */
  public static List<Path> runFolders(Path root) {
    Path runs = root.resolve("runs");
    if (!Files.isDirectory(runs, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(runs)) {
      return folders
          .filter(f -> Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
          .filter(
              f -> marker(f).filter(m -> m.runId().equals(f.getFileName().toString())).isPresent())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Deletes this run's folder, if the marker says it is this run's. */
  public Optional<Path> delete() throws IOException {
    if (Files.isSymbolicLink(runDir)
        || !marker(runDir).map(m -> m.runId().equals(runId)).orElse(false)) {
      return Optional.empty();
    }
    // walk does not follow links, so a link inside the run folder is deleted, never its target.
    try (Stream<Path> walk = Files.walk(runDir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          // A lab may have made the folder read-only; its owner may always restore that.
          Files.setPosixFilePermissions(path, FileModes.permissions(0700));
        }
        Files.delete(path);
      }
    }
    return Optional.of(runDir);
  }
}
