package dev.vlab.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vlab.VlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads lab files ({@code *.yaml}) from a folder, in file name order, checking each. */
public final class LabLoader {
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

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
    Map<String, Lab> byId = new LinkedHashMap<>();
    for (Path file : labFiles(dir)) {
      String name = shownAs + "/" + file.getFileName();
      Lab lab = parse(read(file, name), name);
      Lab earlier = byId.putIfAbsent(lab.id(), lab);
      if (earlier != null) {
        throw new LabFileException(
            name,
            YamlLines.of(read(file, name)).lineOf("id"),
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

  private static List<Path> labFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().equals(WORKSHOP_FILE))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw VlabException.usage("Cannot list the labs folder " + dir + ": " + e.getMessage());
    }
  }

  private static String read(Path file, String name) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw VlabException.usage("Cannot read lab file " + name + ": " + e.getMessage());
    }
  }

  /** Parses and checks one lab file's text; {@code name} is used in messages. */
  static Lab parse(String yaml, String name) {
    Parsed<RawLab> parsed = readRaw(yaml, name, RawLab.class);
    return new LabChecker(name, parsed.lines()).check(parsed.raw());
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
    Parsed<RawWorkshop> parsed = readRaw(read(file, name), name, RawWorkshop.class);
    return Optional.of(new LabChecker(name, parsed.lines()).checkWorkshop(parsed.raw()));
  }

  private record Parsed<T>(T raw, YamlLines lines) {}

  private static <T> Parsed<T> readRaw(String yaml, String name, Class<T> type) {
    YamlLines lines;
    try {
      lines = YamlLines.of(yaml);
    } catch (RuntimeException e) {
      throw new LabFileException(
          name,
          yamlErrorLine(e),
          "(file)",
          "this is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (yaml.isBlank()) {
      throw new LabFileException(name, 1, "(file)", "the file is empty; see labs/README.md");
    }
    T raw;
    try {
      raw = YAML.readValue(yaml, type);
    } catch (JsonMappingException e) {
      throw mappingError(name, lines, e);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      throw new LabFileException(name, line, "(file)", e.getOriginalMessage());
    }
    if (raw == null) {
      throw new LabFileException(name, 1, "(file)", "the file is empty; see labs/README.md");
    }
    return new Parsed<>(raw, lines);
  }

  private static int yamlErrorLine(RuntimeException e) {
    if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
        && marked.getProblemMark() != null) {
      return marked.getProblemMark().getLine() + 1;
    }
    return 1;
  }

  private static LabFileException mappingError(
      String name, YamlLines lines, JsonMappingException e) {
    String field = fieldPath(e.getPath());
    // Jackson reports where it noticed, which for records is often the end of the object; the
    // YAML index knows where the field itself stands.
    int line =
        field.isEmpty() && e.getLocation() != null
            ? e.getLocation().getLineNr()
            : lines.lineOf(field);
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
      return new LabFileException(
          name, line, field, "unknown field; the fields here are: " + known);
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
      String allowed =
          Arrays.stream(invalid.getTargetType().getEnumConstants())
              .map(c -> c.toString().toLowerCase())
              .collect(Collectors.joining(", "));
      return new LabFileException(
          name, line, field, "'" + invalid.getValue() + "' is not one of: " + allowed);
    }
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    return new LabFileException(
        name, line, field.isEmpty() ? "(file)" : field, "wrong kind of value: " + expected(target));
  }

  private static String expected(Class<?> target) {
    if (target == Boolean.class || target == boolean.class) {
      return "write true or false";
    }
    if (target == String.class) {
      return "write text";
    }
    if (target != null && List.class.isAssignableFrom(target)) {
      return "write a list (lines starting with '- ')";
    }
    if (target != null && target.isRecord()) {
      return "write a block of fields (see labs/README.md)";
    }
    return "see labs/README.md for what this field takes";
  }

  private static String fieldPath(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
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
