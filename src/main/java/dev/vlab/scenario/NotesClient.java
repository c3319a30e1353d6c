package dev.vlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Talks to the notes app over its published port, as {@code curl} would. */
public final class NotesClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
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
      return send(HttpRequest.newBuilder(base.resolve("/health")).GET()).statusCode() == 200;
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
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(base.resolve("/notes"))
                .POST(HttpRequest.BodyPublishers.ofString(note)));
    return new Answer(response.statusCode(), response.body());
  }

  public Answer notesAnswer() throws IOException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/notes")).GET());
    return new Answer(response.statusCode(), response.body());
  }

  /** The notes in a GET /notes answer; empty when it holds none. */
  public static List<String> notesIn(Answer answer) throws IOException {
    List<String> notes = new ArrayList<>();
    JsonNode array = JSON.readTree(answer.body()).path("notes");
    array.forEach(n -> notes.add(n.asText()));
    return notes;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
