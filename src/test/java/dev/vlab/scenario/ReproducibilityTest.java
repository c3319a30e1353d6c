package dev.vlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vlab.Bundled;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineProfile;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabCatalog;
import dev.vlab.lab.LabLoader;
import dev.vlab.report.RunReport;
import dev.vlab.report.TextReport;
import dev.vlab.testing.RecordedEngine;
import dev.vlab.testing.TestEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReproducibilityTest {
  private static final LabCatalog LABS = LabLoader.load(Bundled.folder("labs"), "labs");

  // Docker Desktop cannot run on this machine: its profile comes from its recorded answers.
  @Test
  void thePermissionLabCannotShowItsLessonThroughDockerDesktopsFileSharing() {
    EngineProfile desktop =
        RecordedEngine.profile(
            "docker-desktop-macos", "unix:///Users/student/.docker/run/docker.sock");

    assertThat(Reproducibility.whyNot(lab("permission-failure"), desktop))
        .hasValueSatisfying(why -> assertThat(why).contains("Docker Desktop", "file sharing"));
    assertThat(Reproducibility.whyNot(lab("bind-mount"), desktop)).isEmpty();
    assertThat(Reproducibility.whyNot(lab("named-volume"), desktop)).isEmpty();
  }

  @Test
  void onThisMachinesEngineEveryLabCanShowItsLesson() {
    try (Engine engine = TestEngine.connect()) {
      for (Lab lab : LABS.labs()) {
        assertThat(Reproducibility.whyNot(lab, engine.profile())).as(lab.id()).isEmpty();
      }
    }
  }

  @Test
  void theReportSaysNotReproducibleHereAndWhyInsteadOfAFailure() {
    ScenarioResult notHere =
        new ScenarioResult(
            "permission-failure",
            "Host folder the app cannot write",
            true,
            true,
            new ScenarioResult.Expected(false, false),
            false,
            "Not reproducible here: this engine runs in Docker Desktop, whose file sharing ...",
            "Not reproducible here.",
            List.of(),
            List.of(),
            null,
            "this engine runs in Docker Desktop, whose file sharing ...");
    StringWriter text = new StringWriter();

    TextReport.print(
        new RunReport(
            "abc123",
            new RunReport.Engine("unix:///x.sock", "26.1.1", "1.44"),
            new RunReport.Image("volume-demo", "self-contained", false, "present"),
            true,
            false,
            List.of(notHere),
            List.of()),
        new PrintWriter(text));

    assertThat(notHere.acceptable()).isTrue();
    assertThat(text.toString())
        .contains("not reproducible here: Not reproducible here: this engine runs in Docker")
        .contains("could not show their lesson on this engine")
        .doesNotContain("NOT as expected");
  }

  private static Lab lab(String id) {
    return LABS.select(List.of(id)).get(0);
  }
}
