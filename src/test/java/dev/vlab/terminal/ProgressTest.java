package dev.vlab.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void onATerminalTheStageLineIsErasedBeforeALineAndDrawnAgainAfterIt() {
    StringWriter err = new StringWriter();
    Progress progress = Progress.liveWithoutTicker(new PrintWriter(err), 80);

    progress.stage("[ephemeral] docker run");
    progress.line("Removed container x");
    progress.close();

    String out = err.toString();
    assertThat(out).contains("[ephemeral] docker run (0s)");
    assertThat(out).containsSubsequence("\r\u001b[2K", "Removed container x", "[ephemeral]");
    assertThat(out).endsWith("\r\u001b[2K");
  }

  @Test
  void aStageWiderThanTheTerminalIsCutSoItNeverWraps() {
    StringWriter err = new StringWriter();
    Progress progress = Progress.liveWithoutTicker(new PrintWriter(err), 20);

    progress.stage("x".repeat(100));

    assertThat(err.toString().length()).isLessThan(20);
  }

  @Test
  void withoutATerminalOnlyTheLinesAreWritten() {
    StringWriter err = new StringWriter();
    Progress progress = Progress.lines(new PrintWriter(err));

    progress.stage("building");
    progress.line("Image volume-demo is up to date");
    progress.close();

    assertThat(err.toString())
        .isEqualTo("Image volume-demo is up to date" + System.lineSeparator());
  }
}
