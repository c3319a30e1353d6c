package dev.vlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.testing.VlabProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineConnectorTest {
  private HttpServer fakeEngine;
  private final List<String> requestedPaths = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopFakeEngine() {
    if (fakeEngine != null) {
      fakeEngine.stop(0);
    }
  }

  @Test
  void anEngineThatIsNotThereIsReportedWithItsAddressAndExitCode3() {
    String address = "unix:///tmp/vlab-test-no-engine-here.sock";

    assertThatThrownBy(() -> EngineConnector.connect(address))
        .isInstanceOfSatisfying(
            VlabException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE))
        .hasMessageContaining("No Docker engine answered at " + address)
        .hasMessageContaining("DOCKER_HOST");
  }

  @Test
  void runLabExitsWith3WhenNoEngineAnswers(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out.txt");
    int code =
        VlabProcess.run(
            Map.of("DOCKER_HOST", "unix://" + dir.resolve("none.sock")), output, "run-lab", "all");

    assertThat(code).isEqualTo(ExitCode.ENGINE_UNREACHABLE);
    assertThat(Files.readString(output)).contains("No Docker engine answered at unix://" + dir);
  }

  // A fake engine stands in for newer Docker releases, which this machine cannot run: the
  // Debian engine here speaks API 1.41 at most, Docker 29 refuses anything below 1.44.
  @Test
  void aNewerEngineIsSpokenToInTheNewestVersionBothKnow() throws IOException {
    startFakeEngine("1.52", "1.44");

    try (Engine engine = EngineConnector.connect(fakeEngineAddress())) {
      engine.docker().pingCmd().exec();

      assertThat(engine.apiVersion()).isEqualTo(EngineConnector.NEWEST_SUPPORTED.getVersion());
      assertThat(requestedPaths).contains("/version", "/v1.44/_ping");
    }
  }

  @Test
  void anEngineWhoseMinimumIsAboveWhatVlabSpeaksIsRefusedClearly() throws IOException {
    startFakeEngine("1.60", "1.50");

    assertThatThrownBy(() -> EngineConnector.connect(fakeEngineAddress()))
        .isInstanceOfSatisfying(
            VlabException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE))
        .hasMessageContaining("needs Engine API 1.50 or newer")
        .hasMessageContaining("Update vlab");
  }

  @Test
  void anEngineOlderThanVlabCanUseIsRefusedClearly() throws IOException {
    startFakeEngine("1.12", "1.12");

    assertThatThrownBy(() -> EngineConnector.connect(fakeEngineAddress()))
        .isInstanceOfSatisfying(
            VlabException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE))
        .hasMessageContaining("speaks Engine API 1.12 at most");
  }

  @Test
  void aServerWithoutAnApiVersionIsNoEngine() throws IOException {
    startFakeEngine("banana", "1.12");

    assertThatThrownBy(() -> EngineConnector.connect(fakeEngineAddress()))
        .isInstanceOfSatisfying(
            VlabException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENGINE_UNREACHABLE))
        .hasMessageContaining("does not look like a Docker engine");
  }

  @Test
  void anOlderEngineIsSpokenToInItsOwnVersion() throws IOException {
    startFakeEngine("1.41", "1.12");

    try (Engine engine = EngineConnector.connect(fakeEngineAddress())) {
      assertThat(engine.apiVersion()).isEqualTo("1.41");
    }
  }

  private void startFakeEngine(String apiVersion, String minVersion) throws IOException {
    fakeEngine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fakeEngine.createContext(
        "/",
        exchange -> {
          requestedPaths.add(exchange.getRequestURI().getPath());
          String body =
              exchange.getRequestURI().getPath().endsWith("/version")
                  ? "{\"ApiVersion\":\""
                      + apiVersion
                      + "\",\"MinAPIVersion\":\""
                      + minVersion
                      + "\",\"Version\":\"99.0.0\"}"
                  : "OK";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    fakeEngine.start();
  }

  private String fakeEngineAddress() {
    return "tcp://127.0.0.1:" + fakeEngine.getAddress().getPort();
  }
}
