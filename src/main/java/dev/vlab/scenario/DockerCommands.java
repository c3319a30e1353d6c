package dev.vlab.scenario;

import dev.vlab.engine.ContainerSpec;
import dev.vlab.engine.MountSpec;

/** The docker CLI commands a person would type for what vlab does through the Engine API. */
public final class DockerCommands {
  private DockerCommands() {}

  public static String run(ContainerSpec spec) {
    StringBuilder cmd = new StringBuilder("docker run -d --name " + spec.name());
    cmd.append(" -p 127.0.0.1::").append(spec.containerPort());
    for (MountSpec mount : spec.mounts()) {
      cmd.append(" -v ").append(quote(mount.source())).append(':').append(mount.target());
      if (mount.readOnly()) {
        cmd.append(":ro");
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

  public static String volumeInspect(String name) {
    return "docker volume inspect " + name;
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

  /** Single quotes for the shell, only where needed. */
  public static String quote(String word) {
    return word.matches("[A-Za-z0-9_./:=@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
