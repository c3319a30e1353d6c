package dev.vlab.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The demo app's folder (Dockerfile and sources) and a hash of its content. */
public record DemoAppSources(Path root) {

  /** Every file, as paths relative to the root with '/' separators, sorted. */
  public List<String> files() {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] read(String relative) {
    try {
      return Files.readAllBytes(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A hash of every file's name and content, and of the recipe that turns them into an image: equal
   * hashes, same image.
   */
  public String hash(String recipe) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(recipe.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update((byte) 0);
      for (String file : files()) {
        digest.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(read(file));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The base images the Dockerfile's FROM lines name, after its ARG defaults and overrides. */
  public List<String> baseImages(java.util.Map<String, String> buildArgs) {
    return DockerfileBases.of(
        new String(read("Dockerfile"), java.nio.charset.StandardCharsets.UTF_8), buildArgs);
  }
}
