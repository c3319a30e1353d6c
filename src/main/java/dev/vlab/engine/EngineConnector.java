package dev.vlab.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.EngineCandidates.Candidate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a Docker engine (see {@link EngineCandidates}) and agrees on an API version with it: the
 * newest one both sides speak.
 */
public final class EngineConnector {
  /** The newest Engine API version this docker-java release knows how to speak. */
  /** The oldest Engine API with the mount options vlab asks for (Docker 1.13). */
  static final RemoteApiVersion OLDEST_SUPPORTED = RemoteApiVersion.VERSION_1_25;

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  static final RemoteApiVersion NEWEST_SUPPORTED = RemoteApiVersion.VERSION_1_44;

  private static final Logger log = LoggerFactory.getLogger(EngineConnector.class);

  private static final String START_ONE =
      "Start one: on Debian or Ubuntu run ./vlab as root and it installs and starts dockerd for"
          + " you; elsewhere start Docker Desktop, Colima or 'sudo dockerd', or set DOCKER_HOST to"
          + " the engine's address.";

  private EngineConnector() {}

  /** Connects to the first engine that answers, looking where {@link EngineCandidates} says. */
  public static Engine connect() {
    return connect(
        new EngineCandidates(
            System.getenv(), Path.of(System.getProperty("user.home")), Path.of("/")));
  }

  /** Connects to one address, for tests. */
  public static Engine connect(String dockerHost) {
    String address = EngineCandidates.checkAddress(dockerHost, "the engine address");
    return connect(new Candidate(address, "the address given", null, true));
  }

  /**
   * Tries each candidate in order and keeps the first that answers. A socket file that is not there
   * is passed over without a connection attempt; the error lists every candidate and its outcome.
   */
  public static Engine connect(EngineCandidates candidates) {
    List<String> tried = new ArrayList<>();
    VlabException last = null;
    for (Candidate candidate : candidates.list()) {
      Path socket = candidate.socket();
      if (socket != null && !candidate.chosen() && !Files.exists(socket)) {
        log.debug("no engine socket at {} ({})", socket, candidate.foundBy());
        tried.add(candidate.address() + " (" + candidate.foundBy() + "): no socket there");
        continue;
      }
      try {
        Engine engine = connect(candidate);
        log.debug("using the engine at {}, found by {}", engine.address(), engine.foundBy());
        return engine;
      } catch (VlabException e) {
        if (candidate.chosen() || e.exitCode() != ExitCode.ENGINE_UNREACHABLE) {
          throw e;
        }
        log.debug("{} ({}) did not answer", candidate.address(), candidate.foundBy(), e);
        tried.add(candidate.address() + " (" + candidate.foundBy() + "): " + e.getMessage());
        last = e;
      }
    }
    throw noneAnswered(tried, last);
  }

  private static Engine connect(Candidate candidate) {
    DefaultDockerClientConfig.Builder builder =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(candidate.address())
            .withDockerTlsVerify(candidate.certPath() != null);
    if (candidate.certPath() != null) {
      builder.withDockerCertPath(candidate.certPath());
    }
    DockerClientConfig probeConfig = parse(builder);
    String address = candidate.address();
    Version version = askVersion(probeConfig, address);
    RemoteApiVersion agreed = agree(version, address);
    log.debug(
        "engine at {} speaks API {} (min {}); using {}",
        address,
        version.getApiVersion(),
        version.getMinAPIVersion(),
        agreed.getVersion());
    DockerClientConfig config = parse(builder.withApiVersion(agreed));
    return new Engine(
        client(config), address, candidate.foundBy(), agreed.getVersion(), version.getVersion());
  }

  private static DockerClientConfig parse(DefaultDockerClientConfig.Builder builder) {
    try {
      return builder.build();
    } catch (RuntimeException e) {
      throw VlabException.usage(
          "The engine address "
              + builder
              + " is not one vlab can use: "
              + e.getMessage()
              + ". Use unix:///path/to/docker.sock or tcp://host:port in DOCKER_HOST.");
    }
  }

  /** Asks without a version prefix: every engine answers that, whatever its minimum. */
  private static Version askVersion(DockerClientConfig config, String address) {
    // A server that accepts the connection and never answers must not hang vlab for minutes.
    try (DockerClient probe = client(config, PROBE_TIMEOUT)) {
      return probe.versionCmd().exec();
    } catch (Exception e) {
      throw unreachable(address, e);
    }
  }

  static RemoteApiVersion agree(Version version, String address) {
    RemoteApiVersion engineNewest = apiVersionOf(version, address);
    if (!engineNewest.isGreaterOrEqual(OLDEST_SUPPORTED)) {
      throw new VlabException(
          ExitCode.ENGINE_UNREACHABLE,
          "The Docker engine at "
              + address
              + " speaks Engine API "
              + version.getApiVersion()
              + " at most, and vlab needs "
              + OLDEST_SUPPORTED.getVersion()
              + " or newer (Docker 1.13, 2017). Update the engine.");
    }
    RemoteApiVersion agreed =
        engineNewest.isGreaterOrEqual(NEWEST_SUPPORTED) ? NEWEST_SUPPORTED : engineNewest;
    String minimum = version.getMinAPIVersion();
    if (minimum != null && !agreed.isGreaterOrEqual(RemoteApiVersion.parseConfig(minimum))) {
      throw new VlabException(
          ExitCode.ENGINE_UNREACHABLE,
          "The Docker engine at "
              + address
              + " needs Engine API "
              + minimum
              + " or newer, and this vlab speaks at most "
              + NEWEST_SUPPORTED.getVersion()
              + ". Update vlab, or point DOCKER_HOST at an older engine.");
    }
    return agreed;
  }

  private static RemoteApiVersion apiVersionOf(Version version, String address) {
    String text = version.getApiVersion();
    if (text == null || !text.strip().matches("\\d+\\.\\d+")) {
      throw new VlabException(
          ExitCode.ENGINE_UNREACHABLE,
          "The server at "
              + address
              + " answered /version without an Engine API version ("
              + text
              + "); it does not look like a Docker engine. Check DOCKER_HOST.");
    }
    return RemoteApiVersion.parseConfig(text.strip());
  }

  private static VlabException noneAnswered(List<String> tried, VlabException last) {
    if (tried.size() == 1 && last != null) {
      return last;
    }
    return new VlabException(
        ExitCode.ENGINE_UNREACHABLE,
        "No Docker engine answered. vlab tried, in order:\n  "
            + String.join("\n  ", tried)
            + "\n"
            + START_ONE,
        last);
  }

  private static VlabException unreachable(String address, Exception cause) {
    return new VlabException(
        ExitCode.ENGINE_UNREACHABLE,
        "No Docker engine answered at " + address + " (" + rootMessage(cause) + ").\n" + START_ONE,
        cause);
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static DockerClient client(DockerClientConfig config) {
    // Image builds stream for minutes; this bounds a silent engine, not a slow one.
    return client(config, Duration.ofMinutes(10));
  }

  private static DockerClient client(DockerClientConfig config, Duration responseTimeout) {
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(Duration.ofSeconds(5))
            .responseTimeout(responseTimeout)
            .build();
    return DockerClientImpl.getInstance(config, http);
  }
}
