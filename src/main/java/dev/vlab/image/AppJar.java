package dev.vlab.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles the demo app's sources into a runnable jar with the JDK's own compiler. */
final class AppJar {
  static final String MAIN_CLASS = "notes.NotesApp";

  private AppJar() {}

  static void build(Path sourceDir, Path classesDir, Path jar) throws IOException {
    compile(sourceDir, classesDir);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> walk = Files.walk(classesDir)) {
      for (Path cls : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classesDir.relativize(cls).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(cls));
        out.closeEntry();
      }
    }
  }

  private static void compile(Path sourceDir, Path classesDir) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException("this Java runtime has no compiler; run vlab on a JDK");
    }
    List<String> sources;
    try (Stream<Path> walk = Files.walk(sourceDir)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classesDir.toString()));
    args.addAll(sources);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    if (javac.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
      throw new IOException("the demo app does not compile:\n" + errors);
    }
  }
}
