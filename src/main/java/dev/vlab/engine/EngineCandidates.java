package dev.vlab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlab.VlabException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The places a Docker engine may answer, in the order vlab tries them: {@code DOCKER_HOST}, the
 * docker CLI's context, then the sockets Docker, Docker Desktop, Colima, rootless Docker and Podman
 * put in their usual places.
 */
public final class EngineCandidates {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One address to try.
   *
   * @param foundBy where vlab learned of it, for messages: "DOCKER_HOST", "Colima's socket"
   * @param certPath the folder of ca.pem, cert.pem and key.pem when TLS is verified, else null
   * @param chosen true when the user named it (DOCKER_HOST, DOCKER_CONTEXT): nothing else is tried
   */
  public record Candidate(String address, String foundBy, String certPath, boolean chosen) {
    /** The socket file of a unix address, or null for tcp. */
    Path socket() {
      return address.startsWith("unix://") ? Path.of(address.substring("unix://".length())) : null;
    }
  }

  private final Map<String, String> env;
  private final Path home;
  private final Path systemRoot;

  /**
   * @param env the environment to read, normally {@code System.getenv()}
   * @param home the user's home folder
   * @param systemRoot where {@code /var/run} and {@code /run} are looked for, normally {@code /}
   */
  public EngineCandidates(Map<String, String> env, Path home, Path systemRoot) {
    this.env = env;
    this.home = home;
    this.systemRoot = systemRoot;
  }

  /** The candidates, in order; a user's own choice comes alone. */
  public List<Candidate> list() {
    String dockerHost = env.get("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      String address = checkAddress(dockerHost.strip(), "DOCKER_HOST");
      return List.of(new Candidate(address, "DOCKER_HOST", tlsFromEnv(), true));
    }
    String context = env.get("DOCKER_CONTEXT");
    if (context != null && !context.isBlank() && !context.equals("default")) {
      return List.of(context(context.strip(), "DOCKER_CONTEXT", true));
    }
    List<Candidate> candidates = new ArrayList<>();
    String current = currentContext();
    if (current != null && !current.equals("default")) {
      candidates.add(context(current, "the docker CLI's current context", false));
    }
    candidates.addAll(usualSockets());
    return candidates;
  }

  private List<Candidate> usualSockets() {
    List<Candidate> sockets = new ArrayList<>();
    sockets.add(socket(systemRoot.resolve("var/run/docker.sock"), "the usual socket"));
    sockets.add(socket(home.resolve(".docker/run/docker.sock"), "Docker Desktop's socket"));
    sockets.add(socket(home.resolve(".docker/desktop/docker.sock"), "Docker Desktop's socket"));
    String colimaHome = env.getOrDefault("COLIMA_HOME", home.resolve(".colima").toString());
    sockets.add(socket(Path.of(colimaHome, "default", "docker.sock"), "Colima's socket"));
    String runtimeDir = env.get("XDG_RUNTIME_DIR");
    if (runtimeDir != null && !runtimeDir.isBlank()) {
      sockets.add(socket(Path.of(runtimeDir, "docker.sock"), "rootless Docker's socket"));
      sockets.add(socket(Path.of(runtimeDir, "podman", "podman.sock"), "Podman's socket"));
    }
    sockets.add(socket(systemRoot.resolve("run/podman/podman.sock"), "Podman's socket"));
    return sockets;
  }

  private static Candidate socket(Path path, String foundBy) {
    return new Candidate("unix://" + path.toAbsolutePath(), foundBy, null, false);
  }

  // --- DOCKER_HOST and TLS ---------------------------------------------------------------

  /**
   * Checks an engine address and returns it as vlab uses it. Only unix sockets and tcp reach an
   * engine through vlab's HTTP client; anything else is a usage error that says what to write.
   */
  static String checkAddress(String address, String where) {
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      throw malformed(address, where, "it is not an address");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    switch (scheme) {
      case "unix" -> {
        if (uri.getPath() == null || !uri.getPath().startsWith("/") || uri.getHost() != null) {
          throw malformed(address, where, "a unix address is unix:///absolute/path.sock");
        }
        return "unix://" + uri.getPath();
      }
      case "tcp" -> {
        if (uri.getHost() == null || uri.getPort() < 1 || !blank(uri.getPath())) {
          throw malformed(
              address, where, "a tcp address is tcp://host:port, such as tcp://127.0.0.1:2375");
        }
        return "tcp://" + uri.getHost() + ":" + uri.getPort();
      }
      case "ssh" ->
          throw malformed(
              address,
              where,
              "vlab cannot reach an engine over ssh; forward its socket (ssh -L"
                  + " /tmp/docker.sock:/var/run/docker.sock host) and use unix:///tmp/docker.sock");
      case "npipe" ->
          // TODO: named pipes are unreachable here, so Docker Desktop on Windows must expose tcp
          throw malformed(
              address,
              where,
              "vlab cannot use Windows named pipes yet; in Docker Desktop turn on 'Expose daemon"
                  + " on tcp://localhost:2375 without TLS' and use tcp://localhost:2375");
      default ->
          throw malformed(address, where, "use unix:///path/to/docker.sock or tcp://host:port");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isEmpty() || text.equals("/");
  }

  private static VlabException malformed(String address, String where, String problem) {
    return VlabException.usage(
        where + " is '" + address + "', which vlab cannot use: " + problem + ". Fix or unset it.");
  }

  /** DOCKER_TLS_VERIFY turns TLS on, with the files in DOCKER_CERT_PATH (default ~/.docker). */
  private String tlsFromEnv() {
    String verify = env.getOrDefault("DOCKER_TLS_VERIFY", "");
    if (verify.isBlank() || verify.equals("0") || verify.equalsIgnoreCase("false")) {
      return null;
    }
    String certPath = env.getOrDefault("DOCKER_CERT_PATH", home.resolve(".docker").toString());
    return checkCertPath(Path.of(certPath), "DOCKER_CERT_PATH");
  }

  private static String checkCertPath(Path certPath, String where) {
    List<String> missing =
        List.of("ca.pem", "cert.pem", "key.pem").stream()
            .filter(f -> !Files.isReadable(certPath.resolve(f)))
            .toList();
    if (!missing.isEmpty()) {
      throw VlabException.usage(
          "TLS is on, but "
              + where
              + " ("
              + certPath
              + ") lacks "
              + String.join(", ", missing)
              + ". Point it at the folder with the engine's ca.pem, cert.pem and key.pem, or"
              + " turn TLS off (unset DOCKER_TLS_VERIFY).");
    }
    return certPath.toString();
  }

  // --- docker CLI contexts ---------------------------------------------------------------

  private Path configDir() {
    String dir = env.get("DOCKER_CONFIG");
    return dir == null || dir.isBlank() ? home.resolve(".docker") : Path.of(dir);
  }

  /** The {@code currentContext} of the CLI's config.json, or null. */
  private String currentContext() {
    Path config = configDir().resolve("config.json");
    if (!Files.isRegularFile(config)) {
      return null;
    }
    String name = readJson(config).path("currentContext").asText("");
    return name.isBlank() ? null : name;
  }

  /** A context's docker endpoint, from the metadata the CLI keeps under its config folder. */
  private Candidate context(String name, String foundBy, boolean chosen) {
    String hash = sha256(name);
    Path meta = configDir().resolve("contexts/meta").resolve(hash).resolve("meta.json");
    if (!Files.isRegularFile(meta)) {
      throw VlabException.usage(
          "The docker context '"
              + name
              + "' ("
              + foundBy
              + ") is not in "
              + configDir().resolve("contexts")
              + ". 'docker context ls' lists the contexts there are; choose one with 'docker"
              + " context use NAME', or set DOCKER_HOST.");
    }
    JsonNode endpoint = readJson(meta).path("Endpoints").path("docker");
    String where = "the docker context '" + name + "'";
    String address = checkAddress(endpoint.path("Host").asText(""), where);
    // TODO: SkipTLSVerify is ignored, so such a context's users must set DOCKER_HOST themselves
    Path tls = configDir().resolve("contexts/tls").resolve(hash).resolve("docker");
    String certPath = Files.isDirectory(tls) ? checkCertPath(tls, where + "'s TLS folder") : null;
    return new Candidate(address, where + " (" + foundBy + ")", certPath, chosen);
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw VlabException.usage(
          "Cannot read the docker CLI's file "
              + file
              + ": "
              + e.getMessage()
              + ". Fix it, or set DOCKER_HOST to bypass it.");
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
