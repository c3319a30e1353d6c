package dev.vlab.testing;

import dev.vlab.engine.Engine;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real engine, with the demo image on it, for one test class: connected before its tests and
 * closed after them. Register it with {@code @RegisterExtension static final RealEngine ENGINE}.
 */
public final class RealEngine implements BeforeAllCallback, AfterAllCallback {
  private Engine engine;

  public Engine get() {
    return engine;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    engine = TestEngine.connect();
    TestEngine.demoImage(engine);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (engine != null) {
      engine.close();
    }
  }
}
