package dev.vlab.cli;

import dev.vlab.ExitCode;
import dev.vlab.instructor.Handout;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vlab handout}: the steps of step mode as a document for students; runs nothing. */
@Command(
    name = "handout",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Print the workshop's steps as a handout a student can follow by hand.",
      "%nEach step's explanation, the command to type, and what it should show, from the same lab"
          + " files as 'run-lab --step' and numbered the same way. It runs nothing."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  vlab handout > handout.txt",
      "  vlab handout --format markdown > handout.md",
      "  vlab handout named-volume wrong-mount-path",
      "  vlab handout --labs ./my-labs --format markdown"
    })
final class HandoutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LabsOption labs;

  @Parameters(
      arity = "0..*",
      paramLabel = "ID",
      description = "Lab ids (see 'vlab list'), or 'all' (the default).")
  List<String> ids = List.of();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text (the default) or markdown.")
  Handout.Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(Handout.write(labs.workshop(), labs.load().select(ids), format));
    out.flush();
    return ExitCode.OK;
  }

  /** Reads {@code --format}: text or markdown. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Handout.Format> {
    @Override
    public Handout.Format convert(String value) {
      return switch (value) {
        case "text" -> Handout.Format.TEXT;
        case "markdown", "md" -> Handout.Format.MARKDOWN;
        default ->
            throw new picocli.CommandLine.TypeConversionException(
                "'" + value + "' is not a handout format; use text or markdown");
      };
    }
  }
}
