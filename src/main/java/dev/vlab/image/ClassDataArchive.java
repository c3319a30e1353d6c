package dev.vlab.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the app's class-data sharing archive with the image's own java, on the host: a warm-up run
 * of the app lists the classes that start-up and the first requests load, then java archives them.
 * Each start of the app then maps those classes ready-made instead of loading them one by one.
 */
final class ClassDataArchive {
  /** Both runs take well under a second; this only bounds one that hangs. */
  private static final long TIMEOUT_SECONDS = 120;

  private ClassDataArchive() {}

  /**
   * Writes the archive of the app {@code mainModule} ("module/class") run by {@code javaHome}.
   *
   * @param jvmFlags the flags the app runs with: the archive must match its collector
   */
  static void create(
      Path javaHome, List<String> jvmFlags, String mainModule, Path archive, Path work)
      throws IOException {
    String java = javaHome.resolve("bin").resolve("java").toString();
    String classList = work.resolve("classes.lst").toString();
    List<List<String>> runs = commands(java, jvmFlags, mainModule, classList, archive.toString());
    for (int i = 0; i < runs.size(); i++) {
      run(runs.get(i), work.resolve("class-data-" + i + ".log"));
    }
  }

  /**
   * The two runs: the warm-up that lists the classes it loads, then the dump that archives them.
   */
  static List<List<String>> commands(
      String java, List<String> jvmFlags, String mainModule, String classList, String archive) {
    List<String> warmUp = new ArrayList<>(List.of(java));
    warmUp.addAll(jvmFlags);
    warmUp.addAll(List.of("-XX:DumpLoadedClassList=" + classList, "-m", mainModule, "--warm-up"));
    List<String> dump = new ArrayList<>(List.of(java));
    dump.addAll(jvmFlags);
    dump.addAll(
        List.of(
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + classList,
            "-XX:SharedArchiveFile=" + archive,
            "-m",
            mainModule.substring(0, mainModule.indexOf('/'))));
    return List.of(warmUp, dump);
  }

  private static void run(List<String> command, Path log) throws IOException {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the class-data archive", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "making the app's class-data archive failed: "
              + String.join(" ", command)
              + " exited with "
              + process.exitValue()
              + ":\n"
              + Files.readString(log, StandardCharsets.UTF_8).strip());
    }
  }
}
