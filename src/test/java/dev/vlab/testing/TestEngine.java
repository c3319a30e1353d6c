package dev.vlab.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineConnector;
import dev.vlab.image.DemoImage;

/**
 * The real Docker engine for tests. Without one, a test is skipped on a developer's machine but
 * fails in CI ({@code CI=true}), where a skipped engine test would prove nothing.
 */
public final class TestEngine {
  private TestEngine() {}

  public static Engine connect() {
    try {
      return EngineConnector.connect();
    } catch (VlabException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("This test needs a Docker engine and CI must provide one: " + e.getMessage());
      }
      assumeTrue(false, "no Docker engine: " + e.getMessage());
      throw e;
    }
  }

  /** The demo image, built once and then reused by every test through vlab's own cache. */
  public static DemoImage.Outcome demoImage(Engine engine) {
    return DemoImage.bundled(engine, line -> {}).ensure(null);
  }
}
