package dev.vlab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlab.scenario.NotesClient;
import dev.vlab.scenario.RunContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A student at the keyboard, typing docker commands through the real docker CLI. Every name the
 * student uses carries a prefix of its own ({@code vlabt-<random>-demo2}), so that other tests and
 * people on the same engine never meet it; {@link #close} removes exactly what carries it.
 */
public final class Student implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String prefix = "vlabt-" + RunContext.newRunId() + "-";
  private final Path dir;
  private final Path state;

  /**
   * @param dir the student's current folder, where their folders such as data go
   */
  public Student(Path dir) {
    this.dir = dir;
    this.state = dir.resolve("vlab-state.json");
  }

  public String prefix() {
    return prefix;
  }

  public Path dir() {
    return dir;
  }

  /** A container's, volume's or image's name as this student types it: demo2 → vlabt-…-demo2. */
  public String name(String workshopName) {
    return prefix + workshopName;
  }

  /** A folder in the student's current folder, such as {@code data}. */
  public Path folder(String workshopName) {
    return dir.resolve(prefix + workshopName);
  }

  /** {@code docker run -d --name CONTAINER OPTIONS... volume-demo}, in this student's names. */
  public void run(String container, String... options) {
    List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name(container)));
    args.addAll(List.of(options));
    args.add("volume-demo");
    docker(args.toArray(String[]::new));
  }

  /** Runs {@code docker ARGS...}, which must succeed, and returns what it printed. */
  public String docker(String... args) {
    Result result = dockerMayFail(args);
    assertThat(result.code()).as("docker %s: %s", String.join(" ", args), result.output()).isZero();
    return result.output().strip();
  }

  /** Runs {@code docker ARGS...} with {@code stdin}, such as a Dockerfile for docker build -. */
  public String dockerWithInput(String stdin, String... args) {
    Result result = execute(stdin, args);
    assertThat(result.code()).as("docker %s: %s", String.join(" ", args), result.output()).isZero();
    return result.output().strip();
  }

  /** What a command printed, and its exit code. */
  public record Result(int code, String output) {}

  public Result dockerMayFail(String... args) {
    return execute(null, args);
  }

  private Result execute(String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.waitFor(), output);
    } catch (IOException e) {
      throw new IllegalStateException("the docker CLI could not run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code curl -X POST --data TEXT localhost:PORT/notes}, at the port docker port names, once the
   * app answers (a student would try again until it does).
   */
  public int addNote(String container, String text) throws IOException {
    String published = docker("port", name(container), "3000").lines().findFirst().orElseThrow();
    NotesClient app =
        new NotesClient(Integer.parseInt(published.substring(published.lastIndexOf(':') + 1)));
    await("the app in " + name(container)).atMost(Duration.ofSeconds(30)).until(app::healthy);
    return app.addNote(text).status();
  }

  /** {@code vlab check ARGS...} in this student's names, folder and progress file. */
  public CliRun vlab(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--prefix", prefix, "--dir", dir.toString(), "--state", state.toString()));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** {@code vlab check ID --json ...}: the exercise's result. */
  public JsonNode check(String id, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("check", id, "--json"));
    args.addAll(List.of(extra));
    if (!args.contains("--timeout")) {
      args.addAll(List.of("--timeout", "15"));
    }
    CliRun run = vlab(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    return JSON.readTree(run.out()).get("exercises").get(0);
  }

  /**
   * What {@code docker inspect} says of a container, volume or folder that checks must not touch.
   */
  public String snapshot(String container) {
    return docker(
        "inspect",
        "--format",
        "{{.Id}} {{.State.Status}} {{.State.StartedAt}} {{.RestartCount}} {{json .Mounts}}"
            + " {{json .HostConfig.PortBindings}}",
        name(container));
  }

  /** Not CreatedAt: the local driver reports its folder's change time, which a new note moves. */
  public String volumeSnapshot(String volume) {
    return docker(
        "volume",
        "inspect",
        "--format",
        "{{.Name}} {{.Driver}} {{.Mountpoint}} {{json .Labels}}",
        name(volume));
  }

  public String folderSnapshot(String folder) throws IOException {
    Path path = folder(folder);
    return Files.getPosixFilePermissions(path) + " " + Files.getAttribute(path, "unix:uid");
  }

  /** Removes the student's containers, volumes and images: those named with this prefix only. */
  @Override
  public void close() {
    for (String id : lines(docker("ps", "-aq", "--filter", "name=^/" + prefix))) {
      docker("rm", "-f", id);
    }
    for (String volume : lines(docker("volume", "ls", "-q", "--filter", "name=" + prefix))) {
      if (volume.startsWith(prefix)) {
        docker("volume", "rm", volume);
      }
    }
    for (String image : lines(docker("images", "--format", "{{.Repository}}:{{.Tag}}"))) {
      if (image.startsWith(prefix)) {
        docker("rmi", image);
      }
    }
  }

  private static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }
}
