package dev.vlab.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A unix socket in front of the real engine that forwards every byte both ways, until a request
 * starts with a chosen text: then it either cuts the engine off (closes every connection and
 * removes its socket, as when an engine stops) or holds that request unanswered, so a test can do
 * something to vlab at exactly that step.
 */
public final class EngineProxy implements AutoCloseable {
  /** What to do when the trigger request arrives. */
  public enum Action {
    CUT,
    HOLD
  }

  private final Path socket;
  private final Path engineSocket;
  private final String trigger;
  private final Action action;
  private final ServerSocketChannel server;
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
  private final CountDownLatch triggered = new CountDownLatch(1);

  /**
   * @param trigger the start of an HTTP request line, such as {@code "DELETE /"}
   */
  public EngineProxy(Path socket, Path engineSocket, String trigger, Action action)
      throws IOException {
    this.socket = socket;
    this.engineSocket = engineSocket;
    this.trigger = trigger;
    this.action = action;
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread accept = new Thread(this::acceptLoop, "engine-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /** The address to give vlab as DOCKER_HOST. */
  public String address() {
    return "unix://" + socket;
  }

  /** Waits until the trigger request arrived. */
  public void awaitTrigger() throws InterruptedException {
    triggered.await();
  }

  public boolean hasTriggered() {
    return triggered.getCount() == 0;
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(engineSocket));
        open.add(client);
        open.add(engine);
        pump(client, engine, true);
        pump(engine, client, false);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(SocketChannel from, SocketChannel to, boolean requests) {
    Thread thread =
        new Thread(
            () -> {
              ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
              try {
                while (from.read(buffer) >= 0) {
                  buffer.flip();
                  if (requests && startsWithTrigger(buffer)) {
                    fire();
                    return;
                  }
                  while (buffer.hasRemaining()) {
                    to.write(buffer);
                  }
                  buffer.clear();
                }
              } catch (IOException e) {
                // One side closed: the other side's pump ends too.
              }
              closeQuietly(to);
            },
            "engine-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private boolean startsWithTrigger(ByteBuffer buffer) {
    String start =
        StandardCharsets.ISO_8859_1
            .decode(buffer.duplicate())
            .toString()
            .substring(0, Math.min(buffer.remaining(), trigger.length()));
    return start.equals(trigger);
  }

  private void fire() {
    triggered.countDown();
    if (action == Action.CUT) {
      close();
    }
  }

  /** Cuts every connection and removes the socket, as an engine that stops does. */
  @Override
  public void close() {
    closeQuietly(server);
    open.forEach(EngineProxy::closeQuietly);
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // Nothing listens on it any more either way.
    }
  }

  private static void closeQuietly(java.io.Closeable channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Already closed.
    }
  }
}
