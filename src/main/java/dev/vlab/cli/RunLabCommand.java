package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineConnector;
import dev.vlab.image.DemoImage;
import dev.vlab.lab.Lab;
import dev.vlab.report.Json;
import dev.vlab.report.RunReport;
import dev.vlab.report.TextReport;
import dev.vlab.scenario.Cleanup;
import dev.vlab.scenario.ParallelScenarios;
import dev.vlab.scenario.Resources;
import dev.vlab.scenario.RunContext;
import dev.vlab.scenario.ScenarioResult;
import dev.vlab.scenario.ScenarioRunner;
import dev.vlab.scenario.StepObserver;
import dev.vlab.scenario.Workspace;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
          + " why. Scenarios run side by side, each with its own names, folders, volumes and"
          + " port. Everything it creates is labelled, and removed when its scenario ends or"
          + " when the run ends, also on Ctrl-C."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  vlab run-lab all",
      "  vlab run-lab bind-mount named-volume",
      "  vlab run-lab wrong-mount-path --keep",
      "  vlab run-lab all --json > report.json",
      "  vlab run-lab all --parallel 1",
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
      names = "--parallel",
      paramLabel = "N",
      description =
          "Run up to N scenarios at once (default: the number of cores, here ${DEFAULT-VALUE});"
              + " 1 runs them one after another. The report keeps the labs' order.")
  int parallel = ParallelScenarios.defaultParallelism();

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "How long the app may take to answer after its container starts (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() {
    if (parallel < 1) {
      throw VlabException.usage("--parallel " + parallel + ": give 1 or more scenarios at once.");
    }
    List<Lab> chosen = labs.load().select(ids);
    Progress progress = new Progress(spec.commandLine().getErr());
    try (Engine engine = EngineConnector.connect()) {
      progress.engine(engine);
      DemoImage.Outcome demo = image.ensure(engine, progress);
      RunReport report = runAll(engine, demo, chosen, progress);
      print(report);
      return report.allAsExpected() ? ExitCode.OK : exitCodeFor(report);
    }
  }

  private RunReport runAll(
      Engine engine, DemoImage.Outcome demo, List<Lab> chosen, Consumer<String> progress) {
    String runId = RunContext.newRunId();
    RunContext run =
        new RunContext(
            runId,
            engine,
            demo.name(),
            new Workspace(Workspace.defaultRoot(), runId),
            new Resources(),
            Duration.ofSeconds(timeoutSeconds),
            progress);
    List<String> removed = Collections.synchronizedList(new ArrayList<>());
    List<ScenarioResult> results = runScenarios(run, chosen, removed);
    return new RunReport(
        runId,
        new RunReport.Engine(engine.address(), engine.engineVersion(), engine.apiVersion()),
        new RunReport.Image(
            demo.name(),
            demo.method() == null ? "existing" : demo.method().label(),
            demo.built(),
            demo.reason()),
        results.stream().allMatch(ScenarioResult::asExpected),
        results,
        removed);
  }

  /** Side by side; each scenario's things are removed as it ends, the rest at the end. */
  private List<ScenarioResult> runScenarios(
      RunContext run, List<Lab> chosen, List<String> removed) {
    Consumer<String> cleanupLines =
        line -> {
          removed.add(line);
          run.progress().accept(line);
        };
    try (ParallelScenarios scenarios = new ParallelScenarios(Math.min(parallel, chosen.size()));
        Cleanup cleanup = new Cleanup(run, keep, cleanupLines, scenarios::stop)) {
      ScenarioRunner runner = new ScenarioRunner(run, StepObserver.NONE);
      return scenarios.run(
          chosen,
          lab -> {
            ScenarioResult result = runner.run(lab);
            cleanup.finished(lab.id());
            return result;
          });
    }
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
