package dev.vlab.lab;

import dev.vlab.VlabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Reads lab files ({@code *.yaml}) from a folder, in file name order, checking each. */
public final class LabLoader {
  /** The one YAML file in a labs folder that is not a lab (see {@link Workshop}). */
  public static final String WORKSHOP_FILE = "workshop.yaml";

  private LabLoader() {}

  /**
   * Loads every lab in {@code dir}.
   *
   * @param shownAs how the folder is named in messages, e.g. {@code labs} for the bundled ones
   */
  public static LabCatalog load(Path dir, String shownAs) {
    if (!Files.isDirectory(dir)) {
      throw VlabException.usage(
          "The labs folder "
              + shownAs
              + " does not exist or is not a folder. Give --labs a"
              + " folder that holds lab files (*.yaml), or leave it out to use the bundled labs.");
    }
    List<Lab> labs = YamlFile.readAll(dir, shownAs, LabLoader::parse, Lab::id, "lab");
    if (labs.isEmpty()) {
      throw VlabException.usage("The labs folder " + shownAs + " holds no lab files (*.yaml).");
    }
    return new LabCatalog(labs);
  }

  /** Parses and checks one lab file's text; {@code name} is used in messages. */
  static Lab parse(String yaml, String name) {
    YamlFile.Parsed<RawLab> parsed = YamlFile.parse(yaml, name, RawLab.class);
    return new LabChecker(name, parsed.lines()).check(parsed.value());
  }

  /**
   * Reads {@value #WORKSHOP_FILE} from {@code dir}, if it has one: what the labs share, such as the
   * build step, which belongs to no single lab.
   */
  public static Optional<Workshop> loadWorkshop(Path dir, String shownAs) {
    Path file = dir.resolve(WORKSHOP_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String name = shownAs + "/" + WORKSHOP_FILE;
    YamlFile.Parsed<RawWorkshop> parsed =
        YamlFile.parse(YamlFile.read(file, name), name, RawWorkshop.class);
    return Optional.of(new LabChecker(name, parsed.lines()).checkWorkshop(parsed.value()));
  }

  /** A lab file as written, before it is checked: every field may be missing. */
  record RawLab(
      String id,
      String title,
      String summary,
      String container,
      List<RawMount> mounts,
      RawExpect expect,
      RawExplanation explanation,
      LinkedHashMap<String, String> steps) {}

  record RawMount(
      LabMount.Type type, String source, String target, Object mode, Boolean readOnly) {}

  record RawExpect(Boolean writeSucceeds, Boolean dataSurvives) {}

  record RawExplanation(String expected, String surprising) {}

  record RawWorkshop(String title, String intro, String build) {}
}
