package dev.vlab.exercise;

import dev.vlab.image.DemoImage;
import java.nio.file.Path;

/**
 * The names a student's work goes by. Exercise files use the workshop's names ({@code demo2},
 * {@code notesvol}, {@code data}); here they become real ones: unchanged for a student, or with a
 * prefix, so that several students, tests and self-tests can share one engine without meeting.
 *
 * @param prefix put before every container, volume and folder name; empty for the workshop
 * @param image the demo image's name
 * @param workDir where the student's folders (such as {@code ./data}) are
 */
public record Names(String prefix, String image, Path workDir) {
  /** The name exercise files use for the demo image. */
  public static final String IMAGE = DemoImage.NAME;

  public Names {
    workDir = workDir.toAbsolutePath().normalize();
  }

  /** The workshop's own names, with folders in the current folder. */
  public static Names workshop() {
    return new Names("", DemoImage.NAME, Path.of(""));
  }

  public String container(String name) {
    return prefix + name;
  }

  public String volume(String name) {
    return prefix + name;
  }

  public Path folder(String name) {
    return workDir.resolve(prefix + name);
  }

  /**
   * A name as a student would type it: a folder in the current folder by its bare name, as in
   * {@code mkdir data} and {@code -v "$(pwd)/data:/data"}; one elsewhere by its whole path.
   */
  public String shown(String name, NameKind kind) {
    return switch (kind) {
      case IMAGE -> image;
      case CONTAINER -> container(name);
      case VOLUME -> volume(name);
      case FOLDER ->
          workDir.equals(Path.of("").toAbsolutePath().normalize())
              ? prefix + name
              : folder(name).toString();
    };
  }
}
