package dev.vlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The real engine on a tcp port of 127.0.0.1, plain or behind TLS that asks for a client
 * certificate, as an engine started with {@code --tlsverify} does: the engine here listens only on
 * its unix socket.
 */
public final class TcpEngineProxy implements AutoCloseable {
  private final ServerSocket server;
  private final Path engineSocket;

  /**
   * @param tls the server's TLS context, or null for plain tcp
   */
  public TcpEngineProxy(Path engineSocket, SSLContext tls) throws IOException {
    this.engineSocket = engineSocket;
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    if (tls == null) {
      server = new ServerSocket(0, 50, loopback);
    } else {
      SSLServerSocket secure =
          (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, loopback);
      secure.setNeedClientAuth(true);
      server = secure;
    }
    Thread accept = new Thread(this::acceptLoop, "tcp-engine-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  public String address() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(engineSocket));
        // The channel is read and written directly: in Java 17, Channels' stream views of one
        // channel share a lock, so a blocked read would stall the write the other way.
        pump(() -> copyToEngine(client.getInputStream(), engine), engine);
        pump(() -> copyFromEngine(engine, client.getOutputStream()), client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private interface Copy {
    void run() throws IOException;
  }

  private static void copyToEngine(InputStream from, SocketChannel engine) throws IOException {
    byte[] bytes = new byte[64 * 1024];
    for (int n = from.read(bytes); n >= 0; n = from.read(bytes)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n);
      while (buffer.hasRemaining()) {
        engine.write(buffer);
      }
    }
  }

  private static void copyFromEngine(SocketChannel engine, OutputStream to) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    while (engine.read(buffer) >= 0) {
      to.write(buffer.array(), 0, buffer.position());
      to.flush();
      buffer.clear();
    }
  }

  private static void pump(Copy copy, AutoCloseable toClose) {
    Thread thread =
        new Thread(
            () -> {
              try (toClose) {
                copy.run();
              } catch (Exception e) {
                // One side closed; closing the other ends its pump too.
              }
            },
            "tcp-engine-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
