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
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to the Docker engine named by {@code DOCKER_HOST} (or the default socket) and agrees on
 * an API version with it: the newest one both sides speak.
 */
public final class EngineConnector {
  /** The newest Engine API version this docker-java release knows how to speak. */
  static final RemoteApiVersion NEWEST_SUPPORTED = RemoteApiVersion.VERSION_1_44;

  private static final Logger log = LoggerFactory.getLogger(EngineConnector.class);

  private EngineConnector() {}

  /** Connects with the environment's settings ({@code DOCKER_HOST}, TLS variables). */
  public static Engine connect() {
    return connect(DefaultDockerClientConfig.createDefaultConfigBuilder());
  }

  /** Connects to one address, for tests and for {@code --host}. */
  public static Engine connect(String dockerHost) {
    return connect(
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost));
  }

  private static Engine connect(DefaultDockerClientConfig.Builder builder) {
    DockerClientConfig probeConfig = parse(builder);
    String address = probeConfig.getDockerHost().toString();
    Version version = askVersion(probeConfig, address);
    RemoteApiVersion agreed = agree(version, address);
    log.debug(
        "engine at {} speaks API {} (min {}); using {}",
        address,
        version.getApiVersion(),
        version.getMinAPIVersion(),
        agreed.getVersion());
    DockerClientConfig config = parse(builder.withApiVersion(agreed));
    return new Engine(client(config), address, agreed.getVersion(), version.getVersion());
  }

  private static DockerClientConfig parse(DefaultDockerClientConfig.Builder builder) {
    try {
      return builder.build();
    } catch (RuntimeException e) {
      throw VlabException.usage(
          "DOCKER_HOST is not an address vlab can use: "
              + e.getMessage()
              + ". Use unix:///path/to/docker.sock or tcp://host:port, or unset it.");
    }
  }

  /** Asks without a version prefix: every engine answers that, whatever its minimum. */
  private static Version askVersion(DockerClientConfig config, String address) {
    try (DockerClient probe = client(config)) {
      return probe.versionCmd().exec();
    } catch (Exception e) {
      throw unreachable(address, e);
    }
  }

  static RemoteApiVersion agree(Version version, String address) {
    RemoteApiVersion engineNewest = RemoteApiVersion.parseConfig(version.getApiVersion());
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

  private static VlabException unreachable(String address, Exception cause) {
    return new VlabException(
        ExitCode.ENGINE_UNREACHABLE,
        "No Docker engine answered at "
            + address
            + " ("
            + rootMessage(cause)
            + ").\n"
            + "Start one: on Debian or Ubuntu run ./vlab as root and it installs and starts"
            + " dockerd for you; elsewhere start Docker Desktop, Colima or 'sudo dockerd', or"
            + " set DOCKER_HOST to the engine's address.",
        cause);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static DockerClient client(DockerClientConfig config) {
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(Duration.ofSeconds(5))
            // Image builds stream for minutes; this bounds a silent engine, not a slow one.
            .responseTimeout(Duration.ofMinutes(10))
            .build();
    return DockerClientImpl.getInstance(config, http);
  }
}
