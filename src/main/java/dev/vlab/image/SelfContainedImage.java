package dev.vlab.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Assembles the demo image's build context from the JDK vlab runs on: a jlinked runtime with only
 * the modules the app needs, the host's shared libraries that runtime loads, and the app's jar, all
 * on {@code FROM scratch}. No registry is involved, which suits air-gapped classrooms.
 */
final class SelfContainedImage {
  /** The JDK modules the notes app uses. */
  static final List<String> APP_MODULES = List.of("java.base", "jdk.httpserver");

  static final String JAVA_HOME_IN_IMAGE = "/opt/java";
  static final String JAR_IN_IMAGE = "/app/notes-app.jar";

  /** The class-data sharing archive the build makes, and the class list it is made from. */
  static final String CDS_ARCHIVE = "/app/notes-app.jsa";

  private static final String CLASS_LIST = "/app/classes.lst";

  /**
   * The JVM's flags, the same for the app and for making its archive (the archive must match the
   * collector): one compiler tier and the serial collector start fastest for a tiny server.
   */
  private static final List<String> JVM_FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");

  private static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so[.\\d]*)");

  private SelfContainedImage() {}

  /** Why this host cannot assemble the image, or null when it can. */
  static String whyNotPossible() {
    if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
      return "the host is not Linux, so its JDK cannot run in a Linux container";
    }
    if (!Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods"))) {
      return "the JDK at " + System.getProperty("java.home") + " has no jmods folder for jlink";
    }
    if (ToolProvider.findFirst("jlink").isEmpty()) {
      return "this Java runtime has no jlink";
    }
    if (!Files.isExecutable(Path.of("/usr/bin/ldd")) && !Files.isExecutable(Path.of("/bin/ldd"))) {
      return "ldd is missing, so the runtime's shared libraries cannot be found";
    }
    return null;
  }

  /** What goes into the image's identity besides the app's sources. */
  static String runtimeIdentity() {
    return System.getProperty("java.home") + " " + Runtime.version();
  }

  /**
   * Everything besides the app's sources that shapes the image: the JDK it comes from, how jlink
   * cuts the runtime, and the generated Dockerfile. A change to any of them changes the image.
   */
  static String recipe() {
    return String.join("\n", runtimeIdentity(), String.join(" ", jlinkOptions()), dockerfile());
  }

  /** Writes the build context into {@code work} and returns the tar file. */
  static Path writeContext(DemoAppSources sources, Path work) throws IOException {
    Path rootfs = work.resolve("rootfs");
    Path javaHome = rootfs.resolve(JAVA_HOME_IN_IMAGE.substring(1));
    jlink(javaHome);
    copyLibraries(javaHome, rootfs);
    Path appCopy = work.resolve("demo-app");
    copySources(sources, appCopy);
    Path jar = rootfs.resolve(JAR_IN_IMAGE.substring(1));
    Files.createDirectories(jar.getParent());
    AppJar.build(appCopy.resolve("src"), Files.createDirectories(work.resolve("classes")), jar);
    writeUserFiles(rootfs);

    Path context = work.resolve("context.tar");
    try (BuildContext tar = new BuildContext(Files.newOutputStream(context))) {
      tar.addBytes("Dockerfile", dockerfile().getBytes(StandardCharsets.UTF_8), 0644);
      tar.addTree(rootfs, "rootfs");
      tar.addFolder("data", 0755);
      tar.addFolder("rootfs/tmp", 01777);
    }
    return context;
  }

  static String dockerfile() {
    String java = JAVA_HOME_IN_IMAGE + "/bin/java";
    return String.join(
        "\n",
        "FROM scratch",
        "COPY rootfs/ /",
        // COPY --chown gives /data to the app's user; a new named volume copies that owner.
        "COPY --chown=1000:1000 data/ /data/",
        // Class-data sharing: a warm-up run lists the classes start-up and the first requests
        // load, then the image's own java archives them, so every start maps them ready-made.
        "RUN "
            + execForm(
                java,
                JVM_FLAGS,
                "-XX:DumpLoadedClassList=" + CLASS_LIST,
                "-jar",
                JAR_IN_IMAGE,
                "--warm-up"),
        "RUN "
            + execForm(
                java,
                JVM_FLAGS,
                "-Xshare:dump",
                "-XX:SharedClassListFile=" + CLASS_LIST,
                "-XX:SharedArchiveFile=" + CDS_ARCHIVE,
                "-cp",
                JAR_IN_IMAGE),
        "USER 1000:1000",
        "EXPOSE 3000",
        "ENTRYPOINT "
            + execForm(
                java, JVM_FLAGS, "-XX:SharedArchiveFile=" + CDS_ARCHIVE, "-jar", JAR_IN_IMAGE),
        "");
  }

  /** A Dockerfile's exec form, ["a", "b"]: no shell, which a FROM-scratch image lacks. */
  private static String execForm(String program, List<String> flags, String... args) {
    List<String> words = new ArrayList<>(List.of(program));
    words.addAll(flags);
    words.addAll(List.of(args));
    return words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  /** jlink's options besides the output folder. */
  static List<String> jlinkOptions() {
    String compress = Runtime.version().feature() >= 21 ? "zip-6" : "2";
    return List.of(
        "--add-modules",
        String.join(",", APP_MODULES),
        "--strip-debug",
        "--no-header-files",
        "--no-man-pages",
        "--compress=" + compress);
  }

  static void jlink(Path output) throws IOException {
    Files.createDirectories(output.getParent());
    ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintWriter out = new PrintWriter(log, true, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(jlinkOptions());
    args.addAll(List.of("--output", output.toString()));
    if (jlink.run(out, out, args.toArray(String[]::new)) != 0) {
      throw new IOException("jlink failed: " + log);
    }
  }

  /** Copies into {@code rootfs} every shared library the runtime's binaries load, at its path. */
  static void copyLibraries(Path javaHome, Path rootfs) throws IOException {
    Set<String> libraries = new LinkedHashSet<>();
    for (Path binary : binaries(javaHome)) {
      libraries.addAll(sharedLibraries(binary, javaHome));
    }
    for (String library : libraries) {
      Path target = rootfs.resolve(library.substring(1));
      Files.createDirectories(target.getParent());
      // Copy the file a link points at, under the name the loader asks for.
      Files.copy(
          Path.of(library).toRealPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<Path> binaries(Path javaHome) throws IOException {
    try (Stream<Path> walk = Files.walk(javaHome)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".so") || p.getParent().endsWith("bin"))
          .toList();
    }
  }

  private static List<String> sharedLibraries(Path binary, Path javaHome) throws IOException {
    Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
    String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      ldd.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + binary + "'s libraries", e);
    }
    List<String> libraries = new ArrayList<>();
    for (String line : output.lines().toList()) {
      // The JVM finds its own libraries (libjvm.so) itself; ldd, asked about one file, does not.
      if (line.contains("not found") && !inRuntime(line.strip().split("\\s")[0], javaHome)) {
        throw new IOException(binary + " needs a library the host lacks: " + line.strip());
      }
      Matcher library = LIBRARY.matcher(line);
      if (library.find() && !Path.of(library.group(1)).normalize().startsWith(javaHome)) {
        libraries.add(library.group(1));
      }
    }
    return libraries;
  }

  private static boolean inRuntime(String library, Path javaHome) throws IOException {
    try (Stream<Path> walk = Files.walk(javaHome)) {
      return walk.anyMatch(p -> p.getFileName().toString().equals(library));
    }
  }

  private static void copySources(DemoAppSources sources, Path target) throws IOException {
    for (String file : sources.files()) {
      Path copy = target.resolve(file);
      Files.createDirectories(copy.getParent());
      Files.write(copy, sources.read(file));
    }
  }

  /** A passwd entry, so tools inside the container can name uid 1000. */
  private static void writeUserFiles(Path rootfs) throws IOException {
    Path etc = Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/:/sbin/nologin\n" + "app:x:1000:1000:notes app:/data:/sbin/nologin\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\napp:x:1000:\n");
  }
}
