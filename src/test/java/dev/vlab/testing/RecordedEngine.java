package dev.vlab.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vlab.engine.EngineProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves the recorded {@code /version} and {@code /info} answers of an engine this machine cannot
 * run (see src/test/resources/recorded-engines), with an engine's empty answers for the rest: no
 * images, containers or volumes.
 */
public final class RecordedEngine implements AutoCloseable {
  // Engines answer more fields than docker-java's models know; docker-java itself ignores them.
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final String name;
  private final HttpServer server;

  /** Starts serving the engine recorded in the folder {@code name}. */
  public RecordedEngine(String name) throws IOException {
    this.name = name;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** The address to connect vlab to. */
  public String address() {
    return "tcp://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The engine's profile as vlab reads it from the recorded answers, seen at {@code address}. */
  public static EngineProfile profile(String name, String address) {
    try {
      return EngineProfile.of(
          JSON.readValue(recorded(name, "info"), Info.class),
          JSON.readValue(recorded(name, "version"), Version.class),
          address);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.endsWith("/version")) {
      send(exchange, 200, recorded(name, "version"));
    } else if (path.endsWith("/info")) {
      send(exchange, 200, recorded(name, "info"));
    } else if (path.endsWith("/_ping")) {
      send(exchange, 200, "OK");
    } else if (path.endsWith("/containers/json")) {
      send(exchange, 200, "[]");
    } else if (path.endsWith("/volumes")) {
      send(exchange, 200, "{\"Volumes\":[],\"Warnings\":null}");
    } else {
      send(exchange, 404, "{\"message\":\"not in this recording: " + path + "\"}");
    }
  }

  private static String recorded(String name, String what) throws IOException {
    String resource = "/recorded-engines/" + name + "/" + what + ".json";
    try (InputStream in = RecordedEngine.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no recording " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
