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
final class NotesClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** One client for every app: a new one costs a thread and tens of milliseconds to set up. */
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private final URI base;

  NotesClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  String url(String path) {
    return base.resolve(path).toString();
  }

  /** The app answers 200 on /health once it listens; any failure counts as not yet. */
  boolean healthy() {
    try {
      return send(HttpRequest.newBuilder(base.resolve("/health")).GET()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** What the app answered to one request: its status and body. */
  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  Answer addNote(String note) throws IOException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(base.resolve("/notes"))
                .POST(HttpRequest.BodyPublishers.ofString(note)));
    return new Answer(response.statusCode(), response.body());
  }

  Answer notesAnswer() throws IOException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/notes")).GET());
    return new Answer(response.statusCode(), response.body());
  }

  /** The notes in a GET /notes answer; empty when it holds none. */
  static List<String> notesIn(Answer answer) throws IOException {
    List<String> notes = new ArrayList<>();
    JsonNode array = JSON.readTree(answer.body()).path("notes");
    array.forEach(n -> notes.add(n.asText()));
    return notes;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return HTTP.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
