package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.lab.Lab;
import dev.vlab.lab.LabCatalog;
import dev.vlab.report.Json;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vlab list}: the labs, with their ids and titles. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "List the labs: id and title (with --json: also mounts and expectations).",
    footerHeading = "%nExamples:%n",
    footer = {"  vlab list", "  vlab list --labs my-labs --json"})
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LabsOption labs;

  @Mixin JsonOption output;

  @Override
  public Integer call() {
    LabCatalog catalog = labs.load();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(
          Json.write(Map.of("labs", catalog.labs().stream().map(ListCommand::row).toList())));
    } else {
      int width = catalog.labs().stream().mapToInt(l -> l.id().length()).max().orElse(0);
      for (Lab lab : catalog.labs()) {
        out.printf("%-" + width + "s  %s%n", lab.id(), lab.title());
      }
    }
    out.flush();
    return ExitCode.OK;
  }

  private static Map<String, Object> row(Lab lab) {
    return Map.of(
        "id",
        lab.id(),
        "title",
        lab.title(),
        "summary",
        lab.summary().strip(),
        "file",
        lab.file(),
        "mounts",
        lab.mounts(),
        "expect",
        lab.expect());
  }
}
