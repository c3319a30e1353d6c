package dev.vlab.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vlab.Bundled;
import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabLoader;
import dev.vlab.lab.LabStep;
import dev.vlab.scenario.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgendaTest {
  private final List<Lab> labs =
      LabLoader.load(Bundled.folder("labs"), "labs").select(List.of("ephemeral", "named-volume"));
  private final Agenda agenda = new Agenda(labs);

  @Test
  void theBuildComesFirstThenEachLabsPlanInOrder() {
    // build, then ephemeral's 8 steps, then named-volume's 9.
    assertThat(agenda.total()).isEqualTo(18);
    assertThat(agenda.resolve("build")).isEqualTo(1);
    assertThat(agenda.resolve("ephemeral")).isEqualTo(2);
    assertThat(agenda.resolve("named-volume")).isEqualTo(10);
    assertThat(agenda.resolve("named-volume:inspect")).isEqualTo(18);
    assertThat(agenda.resolve("12")).isEqualTo(12);
    assertThat(agenda.resolve(null)).isEqualTo(1);
  }

  @Test
  void aRunningStepGetsTheNumberOfItsLabsNextPlannedStepOfThatKind() {
    assertThat(agenda.number(new Step("named-volume", LabStep.VOLUME, "x"))).isEqualTo(10);
    assertThat(agenda.number(new Step("named-volume", LabStep.RUN, "x"))).isEqualTo(11);
    // The same kind again is the later one: the container's second start.
    assertThat(agenda.number(new Step("named-volume", LabStep.RERUN, "x"))).isEqualTo(16);
    assertThat(agenda.number(new Step("named-volume", LabStep.PORT, "x")))
        .as("a step the plan does not have")
        .isZero();
    assertThat(agenda.reached("named-volume")).isEqualTo(16);
  }

  @Test
  void fromNamingNoStepIsAUsageErrorThatSaysWhatWorks() {
    for (String from : new String[] {"0", "19", "nope", "ephemeral:inspect", "named-volume:x"}) {
      assertThatThrownBy(() -> agenda.resolve(from))
          .as(from)
          .isInstanceOfSatisfying(
              VlabException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
          .hasMessageContaining("--from " + from + " names no step")
          .hasMessageContaining("LAB:STEP");
    }
  }
}
