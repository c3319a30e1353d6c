package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.doctor.Doctor;
import dev.vlab.doctor.Finding;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineConnector;
import dev.vlab.image.DemoImage;
import dev.vlab.report.Json;
import dev.vlab.scenario.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vlab doctor}: whether the labs will work on this engine, and what will differ. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Tell whether the labs will work here, and what will differ on this engine.",
      "%nLooks at the engine (address, version, OS, storage, rootless, SELinux, VM), its free"
          + " disk, the demo image, the work folder and leftovers of earlier runs, and says what"
          + " each means for the labs. Exits 0 when the labs can run."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  vlab doctor", "  vlab doctor --json"})
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JsonOption output;

  /** The JSON output. */
  record Report(boolean labsCanRun, List<Finding> findings) {}

  @Override
  public Integer call() {
    try (Engine engine = EngineConnector.connect()) {
      DemoImage image = DemoImage.bundled(engine, line -> {});
      List<Finding> findings =
          engine.whileAnswering(
              "examining it", () -> new Doctor(engine, Workspace.defaultRoot(), image).examine());
      boolean canRun = findings.stream().noneMatch(f -> f.status() == Finding.Status.PROBLEM);
      print(new Report(canRun, findings));
      return canRun ? ExitCode.OK : ExitCode.FAILED;
    }
  }

  private void print(Report report) {
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(Json.write(report));
    } else {
      int width = report.findings().stream().mapToInt(f -> f.topic().length()).max().orElse(0);
      String indent = " ".repeat(width + 11);
      for (Finding finding : report.findings()) {
        String status = finding.status().name().toLowerCase(Locale.ROOT);
        out.printf("%-7s  %-" + width + "s  %s%n", status, finding.topic(), finding.value());
        out.println(indent + finding.meaning());
      }
      out.println();
      out.println(
          report.labsCanRun()
              ? "The labs can run here."
              : "The labs cannot run here until the problems above are fixed.");
    }
    out.flush();
  }
}
