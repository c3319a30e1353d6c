package dev.vlab.instructor;

import dev.vlab.engine.Engine;
import dev.vlab.image.DemoImage;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabMount;
import dev.vlab.scenario.Names;
import dev.vlab.scenario.RunContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The names the workshop uses ({@code demo1}, {@code notesvol}) and the app's own port 3000, where
 * they are free. A name already taken on the engine belongs to someone else: vlab leaves it alone,
 * uses the run's prefixed name instead, and says so. Each name is chosen once per lab.
 */
final class WorkshopNames implements Names {
  /** How far above 3000 to look for a free port before letting the engine pick one. */
  private static final int PORTS_TO_TRY = 100;

  private final RunContext run;
  private final Consumer<String> say;
  private final Names wanted = Names.asWritten();
  private final Map<String, Object> chosen = new HashMap<>();

  WorkshopNames(RunContext run, Consumer<String> say) {
    this.run = run;
    this.say = say;
  }

  @Override
  public String container(Lab lab) {
    Engine engine = run.engine();
    return once(
        "container " + lab.id(),
        () ->
            free(wanted.container(lab), "container", n -> engine.inspectContainer(n).isPresent()));
  }

  @Override
  public String volume(Lab lab, LabMount mount) {
    Engine engine = run.engine();
    return once(
        "volume " + lab.id() + " " + mount.source(),
        () -> free(wanted.volume(lab, mount), "volume", n -> engine.inspectVolume(n).isPresent()));
  }

  @Override
  public int hostPort(Lab lab) {
    return once("port " + lab.id(), this::freePort);
  }

  @SuppressWarnings("unchecked")
  private <T> T once(String key, Supplier<T> choose) {
    return (T) chosen.computeIfAbsent(key, k -> choose.get());
  }

  private String free(String name, String kind, Predicate<String> taken) {
    if (!taken.test(name)) {
      return name;
    }
    String fallback = run.prefix() + "-" + name;
    say.accept(
        "The "
            + kind
            + " name "
            + name
            + " is already taken on this engine; vlab leaves that "
            + kind
            + " alone and uses "
            + fallback
            + " for this run.");
    return fallback;
  }

  /** Port 3000 when nothing holds it, else the next free one; 0 lets the engine pick. */
  // TODO: a port taken after this check fails the lab instead of moving on to the next free one.
  private int freePort() {
    Set<Integer> published = run.engine().publishedHostPorts();
    for (int port = DemoImage.PORT; port < DemoImage.PORT + PORTS_TO_TRY; port++) {
      if (!published.contains(port) && canListen(port)) {
        if (port != DemoImage.PORT) {
          say.accept(
              "Port "
                  + DemoImage.PORT
                  + " is in use on this machine; this part uses "
                  + port
                  + ".");
        }
        return port;
      }
    }
    say.accept("Ports " + DemoImage.PORT + " and up are in use; the engine picks one.");
    return 0;
  }

  /** Whether a listener on 127.0.0.1:port would be allowed now, as the engine's would be. */
  private static boolean canListen(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
