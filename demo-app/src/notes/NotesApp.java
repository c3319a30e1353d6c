package notes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The workshop's notes app: appends notes to a file under a data folder, normally {@code /data}.
 *
 * <p>Only the JDK is used, so the image can be built from nothing but a Java runtime. Everything
 * it prints goes to stderr, so that {@code docker logs} tells the whole story.
 */
public final class NotesApp {
  private final Path dataDir;
  private final Path notesFile;

  NotesApp(Path dataDir) {
    this.dataDir = dataDir;
    this.notesFile = dataDir.resolve("notes.txt");
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 1 && args[0].equals("--warm-up")) {
      WarmUp.run();
      // Exit at once: stopping the server politely waits up to a second for its dispatcher.
      System.exit(0);
    }
    Path dataDir = Path.of(env("DATA_DIR", "/data"));
    int port = Integer.parseInt(env("PORT", "3000"));
    new NotesApp(dataDir).serve(new InetSocketAddress(port));
  }

  private HttpServer serve(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    log(startupLine(server.getAddress().getPort()));
    server.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"ok\"}"));
    server.createContext("/notes", this::handleNotes);
    server.start();
    return server;
  }

  private String startupLine(int port) {
    String mount =
        MountTable.isMountPoint(dataDir)
            ? dataDir + " is a mount point (a volume or a bind mount): notes outlive this container"
            : dataDir
                + " is NOT a mount point: notes stay in this container's writable layer"
                + " and are lost when the container is removed";
    return "listening on port " + port + ", uid " + Uid.current() + "; writing " + notesFile + "; "
        + mount;
  }

  private void handleNotes(HttpExchange exchange) throws IOException {
    switch (exchange.getRequestMethod()) {
      case "POST" -> addNote(exchange);
      case "GET" -> listNotes(exchange);
      default -> respond(exchange, 405, error("use GET or POST on /notes", null));
    }
  }

  private void addNote(HttpExchange exchange) throws IOException {
    String note = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    // One note per line: a note's own line breaks would split it in two.
    String line = note.replaceAll("[\\r\\n]+", " ").strip() + "\n";
    try {
      Files.writeString(notesFile, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      respond(exchange, 201, "{\"saved\":" + Json.quote(line.strip()) + "}");
    } catch (IOException e) {
      String cause = describe(e);
      log("ERROR cannot write " + notesFile + ": " + cause + " (running as uid " + Uid.current()
          + "; " + remedy(cause) + ")");
      respond(exchange, 500, error("cannot write " + notesFile + ": " + cause, notesFile));
    }
  }

  private void listNotes(HttpExchange exchange) throws IOException {
    try {
      List<String> notes = Files.readAllLines(notesFile, StandardCharsets.UTF_8);
      respond(exchange, 200, "{\"notes\":" + Json.array(notes) + "}");
    } catch (NoSuchFileException e) {
      respond(exchange, 200, "{\"notes\":[]}");
    } catch (IOException e) {
      String cause = describe(e);
      log("ERROR cannot read " + notesFile + ": " + cause);
      respond(exchange, 500, error("cannot read " + notesFile + ": " + cause, notesFile));
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (String.valueOf(e.getMessage()).contains("Read-only file system")) {
      return "read-only file system";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

  private String remedy(String cause) {
    return cause.startsWith("read-only")
        ? dataDir + " is mounted read-only; mount it read-write to save notes"
        : "the folder " + dataDir + " must be writable by this user";
  }

  private static String error(String message, Path path) {
    String pathField = path == null ? "" : ",\"path\":" + Json.quote(path.toString());
    return "{\"error\":" + Json.quote(message) + pathField + "}";
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static void log(String message) {
    System.err.println("notes-app: " + message);
  }

  /** Reads this process's mount table, the clue for a volume mounted at the wrong path. */
  static final class MountTable {
    static boolean isMountPoint(Path dir) {
      try {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
            .map(line -> line.split(" "))
            .filter(fields -> fields.length > 4)
            .map(fields -> unescape(fields[4]))
            .anyMatch(dir.toAbsolutePath().normalize().toString()::equals);
      } catch (IOException e) {
        log("cannot read /proc/self/mountinfo: " + e.getMessage());
        return false;
      }
    }

    /** The kernel writes a space in a path as \040, a tab as \011 and so on. */
    private static String unescape(String field) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        if (c == '\\' && i + 3 < field.length()) {
          out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
          i += 3;
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }

  /** The process's user id, read from /proc so no extra JDK module is needed. */
  static final class Uid {
    static String current() {
      try {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(line -> line.startsWith("Uid:"))
            .map(line -> line.split("\\s+")[1])
            .findFirst()
            .orElse("unknown");
      } catch (IOException e) {
        return "unknown";
      }
    }
  }

  /**
   * Serves each endpoint once on a free loopback port; the caller then exits. The image build runs this to
   * record the classes that start-up and the first requests load, and archives them
   * (class-data sharing) so that the app starts faster. It writes only to a temporary folder.
   */
  static final class WarmUp {
    static void run() throws IOException {
      Path dir = Files.createTempDirectory("notes-warm-up");
      HttpServer server =
          new NotesApp(dir).serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try {
        int port = server.getAddress().getPort();
        expect(request(port, "GET", "/health", ""), "200");
        expect(request(port, "POST", "/notes", "warm-up"), "201");
        expect(request(port, "GET", "/notes", ""), "200");
      } finally {
        Files.deleteIfExists(dir.resolve("notes.txt"));
        Files.delete(dir);
      }
    }

    /** One HTTP/1.1 exchange over a plain socket; the answer's status line. */
    private static String request(int port, String method, String path, String body)
        throws IOException {
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + "Content-Length: " + content.length + "\r\n\r\n";
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return answer.lines().findFirst().orElse("");
      }
    }

    private static void expect(String statusLine, String status) throws IOException {
      if (!statusLine.contains(" " + status + " ")) {
        throw new IOException("warm-up: expected " + status + ", got '" + statusLine + "'");
      }
    }
  }

  /** Just enough JSON for strings and string arrays. */
  static final class Json {
    static String array(List<String> values) {
      return values.stream().map(Json::quote).collect(Collectors.joining(",", "[", "]"));
    }

    static String quote(String value) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : value.toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.append('"').toString();
    }
  }
}
