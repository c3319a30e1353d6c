package dev.vlab.testing;

import dev.vlab.engine.Engine;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real engine with the demo image on it, for a test class: connected before its tests (see
 * {@link TestEngine} for a machine without an engine), closed after them. Register it as a static
 * field with {@code @RegisterExtension}.
 */
public final class RealEngine implements BeforeAllCallback, AfterAllCallback {
  private Engine engine;

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

  public Engine engine() {
    return engine;
  }
}
