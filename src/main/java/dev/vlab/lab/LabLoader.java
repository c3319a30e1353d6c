package dev.vlab.lab;

import dev.vlab.VlabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads lab files ({@code *.yaml}) from a folder, in file name order, checking each. */
public final class LabLoader {
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
    Map<String, Lab> byId = new LinkedHashMap<>();
    for (Path file : YamlFile.list(dir)) {
      String name = shownAs + "/" + file.getFileName();
      String text = YamlFile.read(file, name);
      Lab lab = parse(text, name);
      Lab earlier = byId.putIfAbsent(lab.id(), lab);
      if (earlier != null) {
        throw new LabFileException(
            name,
            YamlLines.of(text).lineOf("id"),
            "id",
            "'"
                + lab.id()
                + "' is already the id of "
                + earlier.file()
                + "; every lab needs an id of its own");
      }
    }
    if (byId.isEmpty()) {
      throw VlabException.usage("The labs folder " + shownAs + " holds no lab files (*.yaml).");
    }
    return new LabCatalog(List.copyOf(byId.values()));
  }

  /** Parses and checks one lab file's text; {@code name} is used in messages. */
  static Lab parse(String yaml, String name) {
    YamlFile.Parsed<RawLab> parsed = YamlFile.parse(yaml, name, RawLab.class);
    return new LabChecker(name, parsed.lines()).check(parsed.value());
  }

  /** A lab file as written, before it is checked: every field may be missing. */
  record RawLab(
      String id,
      String title,
      String summary,
      List<RawMount> mounts,
      RawExpect expect,
      RawExplanation explanation) {}

  record RawMount(
      LabMount.Type type, String source, String target, Object mode, Boolean readOnly) {}

  record RawExpect(Boolean writeSucceeds, Boolean dataSurvives) {}

  record RawExplanation(String expected, String surprising) {}
}
