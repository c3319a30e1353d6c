package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineConnector;
import dev.vlab.image.DemoImage;
import dev.vlab.instructor.StepSession;
import dev.vlab.lab.Lab;
import dev.vlab.report.Json;
import dev.vlab.report.RunReport;
import dev.vlab.report.TextReport;
import dev.vlab.scenario.Cleanup;
import dev.vlab.scenario.ParallelScenarios;
import dev.vlab.scenario.RunContext;
import dev.vlab.scenario.ScenarioResult;
import dev.vlab.scenario.ScenarioRunner;
import dev.vlab.scenario.Step;
import dev.vlab.scenario.StepObserver;
import dev.vlab.terminal.Progress;
import dev.vlab.terminal.Terminal;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vlab run-lab}: runs scenarios on the engine and reports whether each note survived. */
@Command(
    name = "run-lab",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Run workshop scenarios and report whether each note survived.",
      "%nBuilds the demo image if needed, then for each scenario writes a note through the app,"
          + " removes and re-creates the container, and reports whether the note survived and"
          + " why. Everything it creates is labelled and removed at the end, also on Ctrl-C."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  vlab run-lab all",
      "  vlab run-lab bind-mount named-volume",
      "  vlab run-lab all --step                 in class, one step at a time",
      "  vlab run-lab all --step --from named-volume:rerun",
      "  vlab run-lab all --step --auto 5        a recorded demo",
      "  vlab run-lab wrong-mount-path --keep",
      "  vlab run-lab all --json > report.json",
      "  vlab run-lab all --labs ./my-labs --build self-contained"
    })
final class RunLabCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LabsOption labs;

  @Mixin JsonOption output;

  @Parameters(
      arity = "1..*",
      paramLabel = "ID",
      description = "Scenario ids (see 'vlab list'), or 'all'.")
  List<String> ids;

  @Option(names = "--keep", description = "Leave containers, volumes and folders for inspection.")
  boolean keep;

  @Mixin ImageOptions image;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      converter = PositiveSeconds.class,
      description =
          "How long the app may take to answer after its container starts (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--step",
      description =
          "For a class: one step at a time. Enter runs a step, s skips it, q quits and removes"
              + " what the run created.")
  boolean step;

  @Option(
      names = "--from",
      paramLabel = "STEP",
      description =
          "With --step: run the steps before STEP without pausing. STEP is a step's number as"
              + " step mode shows it, build, a lab id, or LAB:STEP such as named-volume:rerun.")
  String from;

  @Option(
      names = "--auto",
      paramLabel = "SECONDS",
      description =
          "With --step: run each step by itself after SECONDS, for a recorded demo; a key still"
              + " answers at once.")
  Integer autoSeconds;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Run up to N scenarios at once, each with its own names, folders, volumes and port"
              + " (default: the number of cores; 1 runs them one after another).")
  Integer parallel;

  private String publishAddress;

  @Override
  public Integer call() {
    // Every input is checked before the engine is asked for anything.
    List<Lab> chosen = labs.load().select(ids);
    publishAddress = RunContext.publishAddressFromEnv();
    if (parallel != null && parallel < 1) {
      throw VlabException.usage("--parallel " + parallel + ": give 1 or more scenarios at once.");
    }
    Terminal terminal = VlabCommand.terminal(spec);
    if (step) {
      return runSteps(chosen, terminal);
    }
    if (from != null || autoSeconds != null) {
      throw VlabException.usage("--from and --auto only work with --step.");
    }
    PrintWriter err = spec.commandLine().getErr();
    RunReport report;
    try (Engine engine = EngineConnector.connect();
        Progress progress = Progress.on(terminal, err)) {
      progress.line(Cli.describe(engine));
      report = engine.whileAnswering("running the labs", () -> run(engine, chosen, progress));
    }
    if (Cleanup.interrupted()) {
      // What ran after Ctrl-C only met the clean-up; a report of it would mislead.
      spec.commandLine().getErr().println("vlab: interrupted.");
      return ExitCode.INTERRUPTED;
    }
    print(report);
    return report.allAsExpected() ? ExitCode.OK : exitCodeFor(report);
  }

  private int runSteps(List<Lab> chosen, Terminal terminal) {
    if (output.json) {
      throw VlabException.usage(
          "--json and --step do not mix: step mode is for a class, --json for scripts.");
    }
    if (autoSeconds != null && autoSeconds < 0) {
      throw VlabException.usage("--auto needs a number of seconds, 0 or more.");
    }
    StepSession session =
        new StepSession(
            labs.workshop(),
            chosen,
            new StepSession.Options(
                keep,
                image.build,
                timeout,
                from,
                autoSeconds == null ? null : Duration.ofSeconds(autoSeconds)),
            terminal,
            spec.commandLine().getOut());
    try (Engine engine = EngineConnector.connect()) {
      spec.commandLine().getErr().println(Cli.describe(engine));
      spec.commandLine().getErr().flush();
      return session.run(engine, System.in);
    }
  }

  private RunReport run(Engine engine, List<Lab> chosen, Progress progress) {
    progress.stage("Preparing the image " + image.name);
    DemoImage.Outcome image = this.image.ensure(engine, progress::line);
    return runAll(engine, image, chosen, progress);
  }

  private RunReport runAll(
      Engine engine, DemoImage.Outcome image, List<Lab> chosen, Progress progress) {
    RunContext run =
        RunContext.start(engine, image.name(), timeout, publishAddress, progress::line);
    String runId = run.runId();
    List<ScenarioResult> results;
    List<String> removed = Collections.synchronizedList(new ArrayList<>());
    try (Cleanup cleanup = new Cleanup(run, keep, progress::line);
        ParallelScenarios scenarios =
            new ParallelScenarios(Math.min(parallelism(), chosen.size()))) {
      ScenarioRunner runner = new ScenarioRunner(run, stagesOn(progress));
      results = scenarios.run(chosen, lab -> runOne(runner, run, lab, progress, removed));
      scenarios.close();
      cleanup.close();
      removed.addAll(cleanup.removed());
    }
    boolean allAsExpected = results.stream().allMatch(ScenarioResult::acceptable);
    return new RunReport(
        runId,
        new RunReport.Engine(engine.address(), engine.engineVersion(), engine.apiVersion()),
        new RunReport.Image(
            image.name(),
            image.method() == null ? "existing" : image.method().label(),
            image.built(),
            image.reason()),
        allAsExpected,
        keep,
        results,
        removed);
  }

  /** Each step's command as the stage in progress: seen only on a terminal. */
  private static StepObserver stagesOn(Progress progress) {
    return new StepObserver() {
      @Override
      public Decision before(Step step) {
        progress.stage("[" + step.labId() + "] " + step.command());
        return Decision.RUN;
      }
    };
  }

  /** One scenario; its containers and volumes go as soon as it ends, freeing the engine early. */
  private ScenarioResult runOne(
      ScenarioRunner runner, RunContext run, Lab lab, Progress progress, List<String> removed) {
    progress.line("[" + lab.id() + "] " + lab.title());
    ScenarioResult result = runner.run(lab);
    progress.line("[" + lab.id() + "] " + verdict(result));
    if (!keep && !Cleanup.interrupted()) {
      for (String line : run.resources().removeLab(run.engine(), run.runId(), lab.id())) {
        removed.add(line);
        progress.line("Removed " + line);
      }
    }
    return result;
  }

  private static String verdict(ScenarioResult result) {
    if (result.error() != null) {
      return "could not run to the end";
    }
    if (result.notReproducible() != null) {
      return "could not show its lesson on this engine";
    }
    return result.asExpected() ? "behaved as expected" : "did NOT behave as expected";
  }

  private int parallelism() {
    return parallel == null ? ParallelScenarios.defaultParallelism() : parallel;
  }

  private static int exitCodeFor(RunReport report) {
    boolean anyError = report.scenarios().stream().anyMatch(s -> s.error() != null);
    return anyError ? ExitCode.FAILED : ExitCode.NOT_AS_EXPECTED;
  }

  private void print(RunReport report) {
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(Json.write(report));
      out.flush();
    } else {
      TextReport.print(report, out);
    }
  }
}
