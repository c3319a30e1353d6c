package dev.vlab.instructor;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.image.BuildMethod;
import dev.vlab.image.DemoImage;
import dev.vlab.lab.Lab;
import dev.vlab.lab.Workshop;
import dev.vlab.scenario.Cleanup;
import dev.vlab.scenario.RunContext;
import dev.vlab.scenario.ScenarioResult;
import dev.vlab.scenario.ScenarioRunner;
import dev.vlab.scenario.ScenarioStopped;
import dev.vlab.scenario.Step;
import dev.vlab.scenario.StepObserver;
import dev.vlab.scenario.StepObserver.Decision;
import dev.vlab.terminal.Styles;
import dev.vlab.terminal.Terminal;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step mode: the chosen labs, one step at a time in front of a class. Before each step it shows
 * what the step does and the command a student would type, then waits for the instructor; after it,
 * what happened; after each lab, the verdict and the lesson. The scenarios are the runner's own:
 * this class only watches and answers through {@link StepObserver}.
 */
public final class StepSession {
  /**
   * What the instructor chose on the command line.
   *
   * @param from the step to pause at first (see {@link Agenda#resolve}); null for the first
   * @param auto run each step by itself after this long; null to wait for a key
   */
  public record Options(
      boolean keep, BuildMethod build, Duration readyTimeout, String from, Duration auto) {}

  private final Workshop workshop;
  private final List<Lab> labs;
  private final Options options;
  private final Terminal terminal;
  private final Agenda agenda;
  private final int startAt;
  private final StepScreen screen;
  private final List<String[]> summary = new ArrayList<>();
  private final List<ScenarioResult> results = new ArrayList<>();

  /** Checks the lab files and {@code --from} before anything runs. */
  public StepSession(
      Workshop workshop, List<Lab> labs, Options options, Terminal terminal, PrintWriter out) {
    labs.forEach(Lab::requireSteps);
    this.workshop = workshop;
    this.labs = List.copyOf(labs);
    this.options = options;
    this.terminal = terminal;
    this.agenda = new Agenda(labs);
    this.startAt = agenda.resolve(options.from());
    this.screen =
        new StepScreen(out, Styles.of(terminal.colour()), terminal.output(), agenda.total());
  }

  /** Runs the session; the exit code says how the scenarios that ran behaved. */
  public int run(Engine engine, InputStream keyboard) {
    screen.title(workshop);
    try (Keys keys = Keys.open(terminal, keyboard, options.auto())) {
      Optional<DemoImage.Outcome> image = buildStep(engine, keys);
      if (image.isPresent()) {
        runLabs(engine, image.get(), keys);
      }
    }
    screen.summary(summary);
    return exitCode();
  }

  private Optional<DemoImage.Outcome> buildStep(Engine engine, Keys keys) {
    Decision decision =
        present(
            1 < startAt,
            1,
            "Build the image",
            workshop.build(),
            DemoImage.BUILD_COMMAND,
            null,
            keys);
    if (decision == Decision.QUIT) {
      screen.note("Stopped before anything was created.");
      return Optional.empty();
    }
    if (decision == Decision.SKIP) {
      return Optional.of(existingImage(engine));
    }
    // TODO: a long image build shows no live progress here, so a class may think vlab hangs.
    return Optional.of(DemoImage.bundled(engine, screen::outcome).ensure(options.build()));
  }

  private static DemoImage.Outcome existingImage(Engine engine) {
    return engine
        .inspectImage(DemoImage.NAME)
        .map(i -> new DemoImage.Outcome(DemoImage.NAME, i.getId(), null, false, "build skipped"))
        .orElseThrow(
            () ->
                VlabException.failed(
                    "The build step was skipped, but there is no image "
                        + DemoImage.NAME
                        + " on this engine, and every lab runs it. Run again and let the build"
                        + " step run (press Enter).",
                    null));
  }

  private void runLabs(Engine engine, DemoImage.Outcome image, Keys keys) {
    // Each step's outcome already says when the app answers: no progress lines besides.
    RunContext run =
        RunContext.start(
            engine,
            image.name(),
            options.readyTimeout(),
            RunContext.publishAddressFromEnv(),
            line -> {});
    String runId = run.runId();
    screen.note(
        "This run is "
            + runId
            + ": all it creates is labelled dev.vlab.run="
            + runId
            + (options.keep()
                ? ", and kept at the end (--keep)."
                : ", and removed when it ends or when you press q."));
    try (Cleanup cleanup = new Cleanup(run, options.keep(), screen::note)) {
      ScenarioRunner runner =
          new ScenarioRunner(run, new WorkshopNames(run, screen::note), observer(keys));
      for (int i = 0; i < labs.size(); i++) {
        screen.part(i + 1, labs.size(), labs.get(i));
        if (!runLab(runner, labs.get(i))) {
          labs.subList(i + 1, labs.size()).forEach(l -> row(l, "not reached"));
          return;
        }
        tidy(run, labs.get(i));
      }
    }
  }

  /** Runs one lab; false when the instructor quit. */
  private boolean runLab(ScenarioRunner runner, Lab lab) {
    try {
      ScenarioResult result = runner.run(lab);
      results.add(result);
      screen.verdict(result);
      row(lab, result.error() != null ? "error" : verdict(result));
      return true;
    } catch (ScenarioStopped stopped) {
      int at = agenda.reached(lab.id());
      if (stopped.quit()) {
        screen.stopped("Stopped. vlab removes what this run created:");
        row(lab, "stopped by q at " + stopped.step().kind().key());
        return false;
      }
      screen.skipped(
          " "
              + stopped.step().kind().key()
              + ", and the rest of "
              + lab.id()
              + " with it: its later steps need this one");
      row(
          lab,
          "skipped from " + stopped.step().kind().key() + (at > 0 ? " (step " + at + ")" : ""));
      return true;
    }
  }

  /** The next lab wants port 3000 and perhaps the same names: this one gives them back. */
  private void tidy(RunContext run, Lab lab) {
    if (options.keep()) {
      return;
    }
    run.resources()
        .removeLab(run.engine(), run.runId(), lab.id())
        .forEach(r -> screen.note("Tidied up for the next part: removed " + r));
  }

  private StepObserver observer(Keys keys) {
    return new StepObserver() {
      private boolean quiet;

      @Override
      public Decision before(Step step) {
        Lab lab = labs.stream().filter(l -> l.id().equals(step.labId())).findFirst().orElseThrow();
        int number = agenda.number(step);
        // TODO: a step outside the plan (a surprise outcome) has no lab text: shown unexplained.
        quiet = (number > 0 ? number : agenda.reached(step.labId()) + 1) < startAt;
        return present(
            quiet,
            number,
            step.kind().title(),
            lab.stepText(step.kind()),
            step.command(),
            step.kind().required() ? lab.id() : null,
            keys);
      }

      @Override
      public void after(Step step, String outcome) {
        if (!quiet) {
          screen.outcome(outcome);
        }
      }
    };
  }

  /**
   * Shows a step and asks what to do with it; a step before the one {@code --from} names just runs.
   *
   * @param restOf the lab whose later steps need this one, or null
   */
  private Decision present(
      boolean passing,
      int number,
      String title,
      String text,
      String command,
      String restOf,
      Keys keys) {
    if (passing) {
      screen.passed(number, command);
      return Decision.RUN;
    }
    screen.step(number, title, text, command);
    if (!keys.waits()) {
      return Decision.RUN;
    }
    if (keys.asking()) {
      screen.prompt(restOf != null, restOf, keys.auto());
    }
    Decision decision = keys.next();
    if (keys.asking()) {
      screen.answered();
    }
    if (decision == Decision.SKIP && restOf == null) {
      screen.skipped("");
    }
    return decision;
  }

  private void row(Lab lab, String how) {
    summary.add(new String[] {lab.id(), how});
  }

  private static String verdict(ScenarioResult result) {
    return result.asExpected() ? "as expected" : "NOT as expected";
  }

  private int exitCode() {
    if (results.stream().anyMatch(r -> r.error() != null)) {
      return ExitCode.FAILED;
    }
    return results.stream().allMatch(ScenarioResult::asExpected)
        ? ExitCode.OK
        : ExitCode.NOT_AS_EXPECTED;
  }
}
