package dev.vlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts vlab as its own process, for what needs one: environment variables, signals. */
public final class VlabProcess {
  private VlabProcess() {}

  /** The command that starts vlab's main class with the tests' classpath. */
  public static List<String> javaCommand() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        "dev.vlab.cli.Main");
  }

  public static Process start(Map<String, String> env, Path output, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(output.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  /** How a vlab process ended: its exit code and its output, stdout and stderr together. */
  public record Result(int exitCode, String output) {}

  /** Runs vlab to the end, its output going to a new file in {@code dir}. */
  public static Result result(Map<String, String> env, Path dir, String... args)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(dir, "vlab-", ".out");
    int code = run(env, output, args);
    return new Result(code, Files.readString(output));
  }

  /** Runs vlab to the end and returns its exit code; its output is in {@code output}. */
  public static int run(Map<String, String> env, Path output, String... args)
      throws IOException, InterruptedException {
    return start(env, output, args).waitFor();
  }
}
