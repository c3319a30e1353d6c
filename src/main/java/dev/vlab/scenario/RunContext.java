package dev.vlab.scenario;

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
    Consumer<String> progress) {

  /**
   * A new run: a fresh id, its folder under {@link Workspace#defaultRoot()}, nothing created yet.
   */
  public static RunContext start(
      Engine engine, String image, Duration readyTimeout, Consumer<String> progress) {
    String runId = newRunId();
    return new RunContext(
        runId,
        engine,
        image,
        new Workspace(Workspace.defaultRoot(), runId),
        new Resources(),
        readyTimeout,
        progress);
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
