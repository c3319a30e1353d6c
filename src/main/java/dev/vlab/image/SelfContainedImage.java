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
 * Assembles the demo image's build context from the JDK vlab runs on: a jlinked runtime with the
 * app as a module and only the JDK modules it needs, the host's shared libraries that runtime
 * loads, and a class-data sharing archive of the app, all on {@code FROM scratch}. No registry is
 * involved, which suits air-gapped classrooms.
 */
final class SelfContainedImage {
  /** The JDK modules the notes app uses. */
  static final List<String> APP_MODULES = List.of("java.base", "jdk.httpserver");

  /** The module vlab makes of the app (demo-app/src has no module-info: it stays plain Java). */
  static final String APP_MODULE = "notes";

  static final String JAVA_HOME_IN_IMAGE = "/opt/java";

  /** The class-data sharing archive, made on the host by the image's own java. */
  static final String CDS_ARCHIVE = "/app/notes-app.jsa";

  /**
   * The JVM's flags, the same for the app and for making its archive (the archive must match the
   * collector): one compiler tier and the serial collector start fastest for a tiny server.
   */
  static final List<String> JVM_FLAGS =
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
   * Everything besides the app's sources that shapes the image: the JDK it comes from, the app's
   * module, how jlink cuts the runtime, the archive's flags and the generated Dockerfile. A change
   * to any of them changes the image.
   */
  static String recipe() {
    return String.join(
        "\n",
        runtimeIdentity(),
        moduleInfo(),
        String.join(" ", jlinkOptions()),
        ClassDataArchive.commands("java", JVM_FLAGS, mainModule(), "classes.lst", CDS_ARCHIVE)
            .toString(),
        dockerfile());
  }

  /** Writes the build context into {@code work} and returns the tar file. */
  static Path writeContext(DemoAppSources sources, Path work) throws IOException {
    Path appModule = appModule(sources, work);
    Path rootfs = work.resolve("rootfs");
    Path javaHome = rootfs.resolve(JAVA_HOME_IN_IMAGE.substring(1));
    jlink(appModule, javaHome);
    copyLibraries(javaHome, rootfs);
    Path archive = Files.createDirectories(rootfs.resolve("app")).resolve(fileName(CDS_ARCHIVE));
    ClassDataArchive.create(javaHome, JVM_FLAGS, mainModule(), archive, work);
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
    List<String> entrypoint = new ArrayList<>(List.of(JAVA_HOME_IN_IMAGE + "/bin/java"));
    entrypoint.addAll(JVM_FLAGS);
    entrypoint.addAll(List.of("-XX:SharedArchiveFile=" + CDS_ARCHIVE, "-m", mainModule()));
    return String.join(
        "\n",
        "FROM scratch",
        "COPY rootfs/ /",
        // COPY --chown gives /data to the app's user; a new named volume copies that owner.
        "COPY --chown=1000:1000 data/ /data/",
        "USER 1000:1000",
        "EXPOSE 3000",
        // The exec form: a FROM-scratch image has no shell.
        "ENTRYPOINT "
            + entrypoint.stream()
                .map(w -> "\"" + w + "\"")
                .collect(Collectors.joining(", ", "[", "]")),
        "");
  }

  private static String mainModule() {
    return APP_MODULE + "/" + AppJar.MAIN_CLASS;
  }

  /**
   * The app as a module, so that jlink puts it inside the runtime: then the class-data archive,
   * made on the host, holds no host path and fits the image as it is.
   */
  private static Path appModule(DemoAppSources sources, Path work) throws IOException {
    Path appCopy = work.resolve("demo-app");
    copySources(sources, appCopy);
    Files.writeString(appCopy.resolve("src").resolve("module-info.java"), moduleInfo());
    Path jar = work.resolve("notes-app.jar");
    AppJar.build(appCopy.resolve("src"), Files.createDirectories(work.resolve("classes")), jar);
    return jar;
  }

  /** The app's module declaration: the JDK modules it needs, and nothing else. */
  static String moduleInfo() {
    String requires =
        APP_MODULES.stream()
            .filter(m -> !m.equals("java.base"))
            .map(m -> "  requires " + m + ";\n")
            .collect(Collectors.joining());
    return "module " + APP_MODULE + " {\n" + requires + "}\n";
  }

  /** jlink's options besides the app's module path and the output folder. */
  static List<String> jlinkOptions() {
    String compress = Runtime.version().feature() >= 21 ? "zip-6" : "2";
    return List.of(
        "--add-modules",
        APP_MODULE,
        "--strip-debug",
        "--no-header-files",
        "--no-man-pages",
        "--compress=" + compress);
  }

  static void jlink(Path appModule, Path output) throws IOException {
    Files.createDirectories(output.getParent());
    ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintWriter out = new PrintWriter(log, true, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(jlinkOptions());
    args.addAll(List.of("--module-path", appModule.toString(), "--output", output.toString()));
    if (jlink.run(out, out, args.toArray(String[]::new)) != 0) {
      throw new IOException("jlink failed: " + log);
    }
  }

  private static String fileName(String pathInImage) {
    return pathInImage.substring(pathInImage.lastIndexOf('/') + 1);
  }

  /** Copies into {@code rootfs} every shared library the runtime's binaries load, at its path. */
  static void copyLibraries(Path javaHome, Path rootfs) throws IOException {
    copyLibraries(binaries(javaHome).stream().map(Path::of).toList(), javaHome, rootfs);
  }

  /** The same for any binaries; those of the runtime at {@code javaHome} are not copied. */
  static void copyLibraries(List<Path> binaries, Path javaHome, Path rootfs) throws IOException {
    Set<String> libraries =
        sharedLibraries(binaries.stream().map(Path::toString).toList(), javaHome);
    for (String library : libraries) {
      Path target = rootfs.resolve(library.substring(1));
      Files.createDirectories(target.getParent());
      // Copy the file a link points at, under the name the loader asks for.
      Files.copy(
          Path.of(library).toRealPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<String> binaries(Path javaHome) throws IOException {
    try (Stream<Path> walk = Files.walk(javaHome)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".so") || p.getParent().endsWith("bin"))
          .map(Path::toString)
          .toList();
    }
  }

  /** The host libraries outside the runtime that the binaries load: one ldd for them all. */
  private static Set<String> sharedLibraries(List<String> binaries, Path javaHome)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("ldd"));
    command.addAll(binaries);
    Process ldd = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      ldd.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the runtime's libraries", e);
    }
    Set<String> libraries = new LinkedHashSet<>();
    String binary = "";
    for (String line : output.lines().toList()) {
      // ldd names each file on a line of its own, then lists its libraries, indented.
      if (!line.startsWith("\t") && line.endsWith(":")) {
        binary = line.substring(0, line.length() - 1);
        continue;
      }
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
