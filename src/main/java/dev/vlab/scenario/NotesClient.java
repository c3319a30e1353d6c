package dev.vlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Talks to the notes app over its published port, as {@code curl} would.
 *
 * <p>A plain blocking HttpURLConnection, not java.net.http: that client keeps a selector thread in
 * native code, and the JVM then waits up to 300 ms at exit for it.
 */
public final class NotesClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TIMEOUT_MILLIS = 5000;

  private final URI base;

  public NotesClient(String host, int port) {
    this.base = URI.create("http://" + host + ":" + port);
  }

  /** The app published on 127.0.0.1, as students publish it. */
  public NotesClient(int port) {
    this("127.0.0.1", port);
  }

  public String url(String path) {
    return base.resolve(path).toString();
  }

  /** The app answers 200 on /health once it listens; any failure counts as not yet. */
  public boolean healthy() {
    try {
      return send("GET", "/health", null).status() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** What the app answered to one request: its status and body. */
  public record Answer(int status, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  public Answer addNote(String note) throws IOException {
    return send("POST", "/notes", note);
  }

  public Answer notesAnswer() throws IOException {
    return send("GET", "/notes", null);
  }

  /** The notes in a GET /notes answer; empty when it holds none. */
  public static List<String> notesIn(Answer answer) throws IOException {
    List<String> notes = new ArrayList<>();
    JsonNode array = JSON.readTree(answer.body()).path("notes");
    array.forEach(n -> notes.add(n.asText()));
    return notes;
  }

  private Answer send(String method, String path, String body) throws IOException {
    HttpURLConnection http = (HttpURLConnection) base.resolve(path).toURL().openConnection();
    try {
      http.setRequestMethod(method);
      http.setConnectTimeout(TIMEOUT_MILLIS);
      http.setReadTimeout(TIMEOUT_MILLIS);
      if (body != null) {
        http.setDoOutput(true);
        try (OutputStream out = http.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = http.getResponseCode();
      // An error status comes with its body on the error stream.
      InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Answer(status, text);
    } finally {
      http.disconnect();
    }
  }
}
