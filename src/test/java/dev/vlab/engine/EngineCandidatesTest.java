package dev.vlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.testing.TcpEngineProxy;
import dev.vlab.testing.TestCertificates;
import dev.vlab.testing.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Engine discovery with real files: a temporary home and system root whose socket paths are links
 * to the real engine's socket, and a temporary docker CLI config with contexts.
 */
class EngineCandidatesTest {
  private static Path realSocket;

  @TempDir Path home;
  @TempDir Path root;
  private final Map<String, String> env = new HashMap<>();

  @BeforeAll
  static void realEngine() {
    try (Engine engine = TestEngine.connect()) {
      assertThat(engine.address()).as("these tests link to a unix socket").startsWith("unix://");
      realSocket = Path.of(engine.address().substring("unix://".length()));
    }
  }

  @BeforeEach
  void runtimeDir() throws IOException {
    env.put("XDG_RUNTIME_DIR", Files.createDirectories(home.resolve("run-user")).toString());
  }

  @ParameterizedTest
  @CsvSource({
    ".docker/run/docker.sock, Docker Desktop's socket",
    ".docker/desktop/docker.sock, Docker Desktop's socket",
    ".colima/default/docker.sock, Colima's socket",
    "run-user/docker.sock, rootless Docker's socket",
    "run-user/podman/podman.sock, Podman's socket"
  })
  void eachUsualSocketIsFoundWhereItsEngineKeepsIt(String path, String foundBy) throws IOException {
    link(home.resolve(path));

    try (Engine engine = connect()) {
      assertThat(engine.foundBy()).isEqualTo(foundBy);
      assertThat(engine.address()).isEqualTo("unix://" + home.resolve(path));
      assertThat(engine.engineVersion()).isNotBlank();
    }
  }

  @Test
  void theUsualSocketComesBeforeTheOnesInTheHomeFolder() throws IOException {
    link(root.resolve("var/run/docker.sock"));
    link(home.resolve(".colima/default/docker.sock"));

    try (Engine engine = connect()) {
      assertThat(engine.foundBy()).isEqualTo("the usual socket");
    }
  }

  @Test
  void podmansSystemSocketIsTheLastResort() throws IOException {
    link(root.resolve("run/podman/podman.sock"));

    try (Engine engine = connect()) {
      assertThat(engine.foundBy()).isEqualTo("Podman's socket");
    }
  }

  @Test
  void theCliCurrentContextComesFirst() throws IOException {
    link(home.resolve(".colima/default/docker.sock"));
    writeContext(home.resolve(".docker"), "classroom", "unix://" + realSocket);
    Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"classroom\"}");

    try (Engine engine = connect()) {
      assertThat(engine.foundBy()).contains("docker context 'classroom'").contains("current");
      assertThat(engine.address()).isEqualTo("unix://" + realSocket);
    }
  }

  @Test
  void dockerContextAndDockerConfigNameTheContext(@TempDir Path config) throws IOException {
    writeContext(config, "lab-engine", "unix://" + realSocket);
    env.put("DOCKER_CONFIG", config.toString());
    env.put("DOCKER_CONTEXT", "lab-engine");

    try (Engine engine = connect()) {
      assertThat(engine.foundBy()).contains("'lab-engine'").contains("DOCKER_CONTEXT");
    }
  }

  @Test
  void anUnknownContextIsAUsageErrorThatSaysWhereVlabLooked() {
    env.put("DOCKER_CONTEXT", "nowhere");

    assertThatThrownBy(this::connect)
        .isInstanceOfSatisfying(
            VlabException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("'nowhere'")
        .hasMessageContaining(home.resolve(".docker/contexts").toString());
  }

  @Test
  void dockerHostIsUsedAloneEvenWhenAnotherSocketAnswers() throws IOException {
    link(home.resolve(".colima/default/docker.sock"));
    env.put("DOCKER_HOST", "unix://" + home.resolve("missing.sock"));

    assertThatThrownBy(this::connect)
        .isInstanceOfSatisfying(
            VlabException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE))
        .hasMessageContaining("No Docker engine answered at unix://" + home.resolve("missing.sock"))
        .hasMessageNotContaining("colima");
  }

  @Test
  void dockerHostReachesTheRealEngine() {
    env.put("DOCKER_HOST", "unix://" + realSocket);

    try (Engine engine = connect()) {
      assertThat(engine.foundBy()).isEqualTo("DOCKER_HOST");
    }
  }

  @Test
  void dockerHostOverTcpReachesTheRealEngine() throws IOException {
    try (TcpEngineProxy tcp = new TcpEngineProxy(realSocket, null)) {
      env.put("DOCKER_HOST", tcp.address());

      try (Engine engine = connect()) {
        assertThat(engine.address()).isEqualTo(tcp.address());
        assertThat(engine.docker().pingCmd().exec()).isNull();
      }
    }
  }

  @Test
  void dockerTlsVerifyReachesAnEngineThatAsksForClientCertificates(@TempDir Path certs)
      throws Exception {
    TestCertificates certificates = new TestCertificates();
    certificates.writePem(certs);
    try (TcpEngineProxy tls = new TcpEngineProxy(realSocket, certificates.serverContext())) {
      env.put("DOCKER_HOST", tls.address());
      env.put("DOCKER_TLS_VERIFY", "1");
      env.put("DOCKER_CERT_PATH", certs.toString());

      try (Engine engine = connect()) {
        assertThat(engine.engineVersion()).isNotBlank();
        assertThat(engine.managedContainers()).isNotNull();
      }

      // Without TLS, the same engine does not answer: the TLS settings were really used.
      env.remove("DOCKER_TLS_VERIFY");
      assertThatThrownBy(this::connect)
          .isInstanceOfSatisfying(
              VlabException.class,
              e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE));
    }
  }

  @Test
  void whenNoneAnswersTheErrorListsEveryPlaceTried() throws IOException {
    // A plain file where Colima's socket belongs: present, but nothing listens.
    Files.createDirectories(home.resolve(".colima/default"));
    Files.writeString(home.resolve(".colima/default/docker.sock"), "");

    assertThatThrownBy(this::connect)
        .isInstanceOfSatisfying(
            VlabException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE))
        .hasMessageContaining("vlab tried, in order")
        .hasMessageContaining(
            root.resolve("var/run/docker.sock") + " (the usual socket): no socket")
        .hasMessageContaining("Docker Desktop's socket): no socket there")
        .hasMessageContaining(
            home.resolve(".colima/default/docker.sock") + " (Colima's socket): No Docker engine")
        .hasMessageContaining("rootless Docker's socket): no socket there")
        .hasMessageContaining("Podman's socket): no socket there")
        .hasMessageContaining("Start one");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tcp//127.0.0.1:2375",
        "http://127.0.0.1:2375",
        "tcp://127.0.0.1",
        "unix://relative.sock",
        "ssh://student@lab-host",
        "npipe:////./pipe/docker_engine",
        "not an address"
      })
  void aMalformedDockerHostIsAUsageErrorThatSaysWhatToWrite(String dockerHost) {
    env.put("DOCKER_HOST", dockerHost);

    assertThatThrownBy(this::connect)
        .isInstanceOfSatisfying(
            VlabException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageStartingWith("DOCKER_HOST is '" + dockerHost + "', which vlab cannot use");
  }

  @Test
  void tlsWithoutItsFilesNamesTheMissingOnes(@TempDir Path certs) throws IOException {
    Files.writeString(certs.resolve("ca.pem"), "");
    env.put("DOCKER_HOST", "tcp://127.0.0.1:2376");
    env.put("DOCKER_TLS_VERIFY", "1");
    env.put("DOCKER_CERT_PATH", certs.toString());

    assertThatThrownBy(this::connect)
        .isInstanceOfSatisfying(
            VlabException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining(certs + ") lacks cert.pem, key.pem");
  }

  private Engine connect() {
    return EngineConnector.connect(new EngineCandidates(env, home, root));
  }

  private static void link(Path at) throws IOException {
    Files.createDirectories(at.getParent());
    Files.createSymbolicLink(at, realSocket);
  }

  /** A context as the docker CLI stores it: meta.json under the SHA-256 of its name. */
  private static void writeContext(Path configDir, String name, String host) throws IOException {
    String hash;
    try {
      hash =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(name.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path meta = Files.createDirectories(configDir.resolve("contexts/meta").resolve(hash));
    Files.writeString(
        meta.resolve("meta.json"),
        "{\"Name\":\""
            + name
            + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
            + host
            + "\",\"SkipTLSVerify\":false}}}");
  }
}
