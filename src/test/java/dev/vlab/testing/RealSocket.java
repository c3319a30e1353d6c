package dev.vlab.testing;

import dev.vlab.engine.Engine;
import java.nio.file.Path;

/** The real engine's unix socket, for tests that put something in front of it or link to it. */
public final class RealSocket {
  private RealSocket() {}

  public static Path of(Engine engine) {
    if (!engine.address().startsWith("unix://")) {
      throw new IllegalStateException("these tests need the engine on a unix socket");
    }
    return Path.of(engine.address().substring("unix://".length()));
  }
}
