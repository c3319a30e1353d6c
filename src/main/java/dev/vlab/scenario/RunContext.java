package dev.vlab.scenario;

import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * One run of vlab: its id (part of every name it creates), the engine, the image to run, and the
 * things it created so far.
 *
 * @param readyTimeout how long the app may take to answer on /health
 * @param progress one line per stage, for a person watching
 */
public record RunContext(
    String runId,
    Engine engine,
    String image,
    Workspace workspace,
    Resources resources,
    Duration readyTimeout,
    String publishAddress,
    Consumer<String> progress) {

  /** Where the app's port is published unless {@code VLAB_PUBLISH_ADDRESS} says otherwise. */
  public static final String DEFAULT_PUBLISH_ADDRESS = "127.0.0.1";

  /**
   * A new run: a fresh id, its folder under {@link Workspace#defaultRoot()}, nothing created yet.
   */
  public static RunContext start(
      Engine engine,
      String image,
      Duration readyTimeout,
      String publishAddress,
      Consumer<String> progress) {
    String runId = newRunId();
    return new RunContext(
        runId,
        engine,
        image,
        new Workspace(Workspace.defaultRoot(), runId),
        new Resources(),
        readyTimeout,
        publishAddress,
        progress);
  }

  /**
   * The address the app's port is published on: {@code VLAB_PUBLISH_ADDRESS}, or 127.0.0.1. It must
   * be a loopback address, so the app is never reachable from another machine.
   */
  public static String publishAddressFromEnv() {
    String address = System.getenv("VLAB_PUBLISH_ADDRESS");
    if (address == null || address.isBlank()) {
      return DEFAULT_PUBLISH_ADDRESS;
    }
    if (!address.strip().matches("127(\\.\\d{1,3}){3}")) {
      throw VlabException.usage(
          "VLAB_PUBLISH_ADDRESS is '"
              + address
              + "'; it must be a loopback address such as 127.0.0.1, so the app is never"
              + " reachable from another machine. Fix or unset it.");
    }
    return address.strip();
  }

  /** A fresh run id: short enough for names, random enough that parallel runs never meet. */
  public static String newRunId() {
    byte[] bytes = new byte[3];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The prefix of every container, volume and folder this run creates. */
  public String prefix() {
    return "vlab-" + runId;
  }
}
