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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the YAML files course authors write (labs, exercises) strictly, turning every mistake into
 * a {@code file:line: field: what is wrong} message.
 */
public final class YamlFile {
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          // "type: 1" is a typo, not the second mount type.
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .build();

  /** Far above any real lab file; a bigger file is a mistake (or /dev/zero behind a link). */
  private static final long MAX_BYTES = 256 * 1024;

  private YamlFile() {}

  /** A parsed file: its raw value, and where each field stands for later messages. */
  public record Parsed<T>(T value, YamlLines lines) {}

  /** Parses one file's text; the name is the file as shown in messages. */
  public interface Parser<T> {
    T parse(String yaml, String name);
  }

  /**
   * Parses every {@code *.yaml} file directly in {@code dir}, in file name order, refusing two with
   * one id.
   *
   * @param shownAs how the folder is named in messages
   * @param what what the files hold, for messages: "lab", "exercise"
   */
  public static <T> List<T> readAll(
      Path dir, String shownAs, Parser<T> parser, Function<T, String> idOf, String what) {
    Map<String, String> fileOfId = new HashMap<>();
    List<T> all = new ArrayList<>();
    for (Path file : list(dir)) {
      String name = shownAs + "/" + file.getFileName();
      String text = read(file, name);
      T parsed = parser.parse(text, name);
      String earlier = fileOfId.putIfAbsent(idOf.apply(parsed), name);
      if (earlier != null) {
        throw new LabFileException(
            name,
            YamlLines.of(text).lineOf("id"),
            "id",
            "'"
                + idOf.apply(parsed)
                + "' is already the id of "
                + earlier
                + "; every "
                + what
                + " needs an id of its own");
      }
      all.add(parsed);
    }
    return List.copyOf(all);
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          // Editors' lock and backup files (".#lab.yaml") are not labs.
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .filter(f -> !f.getFileName().toString().equals(LabLoader.WORKSHOP_FILE))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw VlabException.usage("Cannot list the folder " + dir + ": " + e.getMessage());
    }
  }

  static String read(Path file, String name) {
    if (!Files.isRegularFile(file)) {
      throw VlabException.usage(
          "Cannot read "
              + name
              + ": it is not a regular file (a folder, a device or a broken link).");
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw VlabException.usage(
            "Cannot read " + name + ": it is larger than " + MAX_BYTES / 1024 + " KiB.");
      }
      return Files.readString(file);
    } catch (java.nio.charset.MalformedInputException e) {
      throw VlabException.usage("Cannot read " + name + ": it is not UTF-8 text.");
    } catch (java.nio.file.AccessDeniedException e) {
      throw VlabException.usage("Cannot read " + name + ": permission denied.");
    } catch (IOException e) {
      throw VlabException.usage("Cannot read " + name + ": " + e);
    }
  }

  /**
   * Parses one file's text into {@code type}; {@code name} is used in messages.
   *
   * @throws LabFileException for invalid YAML, an unknown field or a value of the wrong kind
   */
  public static <T> Parsed<T> parse(String yaml, String name, Class<T> type) {
    YamlLines lines;
    try {
      lines = YamlLines.of(yaml);
    } catch (RuntimeException e) {
      throw new LabFileException(
          name, yamlErrorLine(e), "(file)", "this is not valid YAML: " + yamlProblem(e));
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

  /** SnakeYAML's own words for what is wrong, without the context lines it adds. */
  private static String yamlProblem(RuntimeException e) {
    if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
        && marked.getProblem() != null) {
      String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
      return marked.getProblem() + context;
    }
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
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
}
