package dev.vlab.scenario;

import dev.vlab.engine.ContainerSpec;
import dev.vlab.engine.MountSpec;
import java.util.ArrayList;
import java.util.List;

/** The docker CLI commands a person would type for what vlab does through the Engine API. */
public final class DockerCommands {
  /** How the handout names the folder a student stands in. */
  static final String PWD = "$PWD/";

  private DockerCommands() {}

  public static String run(ContainerSpec spec) {
    StringBuilder cmd = new StringBuilder("docker run -d --name " + spec.name());
    cmd.append(" -p ")
        .append(spec.hostAddress())
        .append(':')
        .append(spec.hostPort() > 0 ? String.valueOf(spec.hostPort()) : "")
        .append(':')
        .append(spec.containerPort());
    for (MountSpec mount : spec.mounts()) {
      cmd.append(" -v ").append(quote(mount.source())).append(':').append(mount.target());
      List<String> options = new ArrayList<>();
      if (mount.readOnly()) {
        options.add("ro");
      }
      if (mount.relabel()) {
        options.add("z");
      }
      if (!options.isEmpty()) {
        cmd.append(':').append(String.join(",", options));
      }
    }
    return cmd.append(' ').append(spec.image()).toString();
  }

  public static String port(String name, int containerPort) {
    return "docker port " + name + " " + containerPort;
  }

  public static String removeForce(String name) {
    return "docker rm -f " + name;
  }

  public static String post(String url, String note) {
    return "curl -X POST --data " + quote(note) + " " + url;
  }

  public static String get(String url) {
    return "curl " + url;
  }

  public static String mkdir(String folder, String mode) {
    return "mkdir " + quote(folder) + " && chmod " + mode + " " + quote(folder);
  }

  public static String volumeCreate(String name) {
    return "docker volume create " + name;
  }

  static String volumeRemove(String name) {
    return "docker volume rm " + name;
  }

  public static String volumeInspect(String name) {
    return "docker volume inspect " + name;
  }

  static String inspectMounts(String name) {
    return "docker inspect --format '{{json .Mounts}}' " + name;
  }

  public static String logs(String name) {
    return "docker logs " + name;
  }

  public static String diff(String name) {
    return "docker diff " + name;
  }

  public static String cat(String file) {
    return "cat " + quote(file);
  }

  public static String stat(String folder) {
    return "stat -c '%a %u' " + quote(folder);
  }

  /**
   * Single quotes for the shell, only where needed. A leading {@code $PWD/}, which the handout uses
   * for folders a student makes where they stand, is left for the shell to expand.
   */
  public static String quote(String word) {
    if (word.startsWith(PWD) && isPlain(word.substring(PWD.length()))) {
      return "\"$PWD\"/" + word.substring(PWD.length());
    }
    return isPlain(word) ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  private static boolean isPlain(String word) {
    return word.matches("[A-Za-z0-9_./:=@%+-]+");
  }
}
