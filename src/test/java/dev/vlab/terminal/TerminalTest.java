package dev.vlab.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void aTerminalGetsColoursAndALiveLine() {
    Terminal terminal = Terminal.of(true, true, true, Map.of("TERM", "xterm-256color"));

    assertThat(terminal).isEqualTo(new Terminal(true, true, true, true));
  }

  @Test
  void noColorTurnsColoursOffButNotTheTerminal() {
    Terminal terminal = Terminal.of(true, true, true, Map.of("NO_COLOR", "1"));

    assertThat(terminal.colour()).isFalse();
    assertThat(terminal.output()).isTrue();
    assertThat(Terminal.of(true, true, true, Map.of("NO_COLOR", "")).colour())
        .as("an empty NO_COLOR does not count")
        .isTrue();
  }

  @Test
  void aDumbTerminalGetsNeitherColoursNorALiveLine() {
    Terminal terminal = Terminal.of(true, true, true, Map.of("TERM", "dumb"));

    assertThat(terminal.colour()).isFalse();
    assertThat(terminal.live()).isFalse();
  }

  @Test
  void ciAndPipesGetPlainLines() {
    assertThat(Terminal.of(true, true, true, Map.of("CI", "true")).live()).isFalse();
    assertThat(Terminal.of(false, false, false, Map.of())).isEqualTo(Terminal.NONE);
  }
}
