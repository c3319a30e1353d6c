package dev.vlab.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vlab.scenario.StepObserver.Decision;
import dev.vlab.terminal.Terminal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeysTest {
  @Test
  void enterOrSpaceRunsSSkipsQQuitsAndOtherKeysAreIgnored() {
    assertThat(Keys.decision('\n')).isEqualTo(Decision.RUN);
    assertThat(Keys.decision('\r')).isEqualTo(Decision.RUN);
    assertThat(Keys.decision(' ')).isEqualTo(Decision.RUN);
    assertThat(Keys.decision('s')).isEqualTo(Decision.SKIP);
    assertThat(Keys.decision('Q')).isEqualTo(Decision.QUIT);
    assertThat(Keys.decision('x')).isNull();
  }

  @Test
  void anIgnoredKeyWaitsForTheNextOne() throws Exception {
    InputStream typed = new ByteArrayInputStream("xs".getBytes(StandardCharsets.US_ASCII));
    try (Keys keys = Keys.reading(typed, null)) {
      assertThat(keys.answer()).isEqualTo(Decision.SKIP);
    }
  }

  @Test
  void theEndOfInputQuitsRatherThanRunningUnattended() {
    try (Keys keys = Keys.reading(InputStream.nullInputStream(), null)) {
      assertThat(keys.next()).isEqualTo(Decision.QUIT);
    }
  }

  @Test
  void withAutoAndNoKeyTheStepRunsByItself() throws Exception {
    // A keyboard that stays open and silent.
    try (PipedOutputStream silent = new PipedOutputStream();
        Keys keys = Keys.reading(new PipedInputStream(silent), Duration.ZERO)) {
      assertThat(keys.next()).isEqualTo(Decision.RUN);
    }
  }

  @Test
  void withoutATerminalNobodyIsAskedAndNothingIsRead() {
    InputStream keyboard = new ByteArrayInputStream("q".getBytes(StandardCharsets.US_ASCII));
    try (Keys keys = Keys.open(Terminal.NONE, keyboard, null)) {
      assertThat(keys.waits()).isFalse();
      assertThat(keys.next()).isEqualTo(Decision.RUN);
    }
  }
}
