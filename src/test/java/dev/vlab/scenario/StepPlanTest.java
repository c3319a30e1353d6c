package dev.vlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vlab.Bundled;
import dev.vlab.image.DemoImage;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabLoader;
import dev.vlab.lab.LabMount;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.RealEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The handout's commands come from {@link StepPlan}; the runner builds its own as it goes. Both
 * must say the same, step for step, or the handout would teach what the tool does not do.
 */
class StepPlanTest {
  @RegisterExtension static final RealEngine ENGINE = new RealEngine();

  @Test
  void theRunnerTakesExactlyThePlannedStepsWithThePlannedCommands() throws IOException {
    RunContext run =
        RunContext.start(
            ENGINE.engine(),
            DemoImage.NAME,
            Duration.ofSeconds(60),
            RunContext.DEFAULT_PUBLISH_ADDRESS,
            line -> {});
    String runId = run.runId();
    Names names = new TestNames(run.prefix(), freePort());
    List<String> taken = new ArrayList<>();
    try (Cleanup cleanup = new Cleanup(run, false, line -> {})) {
      ScenarioRunner runner = new ScenarioRunner(run, names, record(taken));
      for (Lab lab : LabLoader.load(Bundled.folder("labs"), "labs").labs()) {
        taken.clear();

        ScenarioResult result = runner.run(lab);

        assertThat(result.asExpected()).as(result.toString()).isTrue();
        List<String> planned =
            StepPlan.of(
                    lab, names, m -> folder(run, lab, m), ScenarioRunner.marker(runId, lab.id()))
                .stream()
                .map(p -> p.kind().key() + ": " + p.command())
                .toList();
        assertThat(taken).as(lab.id()).containsExactlyElementsOf(planned);
        assertThat(planned.stream().map(p -> p.substring(0, p.indexOf(':'))).toList())
            .containsExactlyElementsOf(lab.plan().stream().map(s -> s.key()).toList());
        run.resources().removeLab(ENGINE.engine(), runId, lab.id());
      }
    }
    assertThat(Leftovers.containers(ENGINE.engine(), runId)).isEmpty();
    assertThat(Leftovers.volumes(ENGINE.engine(), runId)).isEmpty();
  }

  private static StepObserver record(List<String> taken) {
    return new StepObserver() {
      @Override
      public Decision before(Step step) {
        taken.add(step.kind().key() + ": " + step.command());
        return Decision.RUN;
      }
    };
  }

  private static String folder(RunContext run, Lab lab, LabMount mount) {
    return run.workspace().runDir().resolve(lab.id()).resolve(mount.source()).toString();
  }

  /** A port nothing listens on now; the engine binds it a moment later. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** This test's own names, so it never meets another run, and a known port. */
  private record TestNames(String prefix, int port) implements Names {
    @Override
    public String container(Lab lab) {
      return prefix + "-plan-" + lab.id();
    }

    @Override
    public String volume(Lab lab, LabMount mount) {
      return prefix + "-plan-" + lab.id() + "-" + mount.source();
    }

    @Override
    public int hostPort(Lab lab) {
      return port;
    }
  }
}
