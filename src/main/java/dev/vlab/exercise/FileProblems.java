package dev.vlab.exercise;

import dev.vlab.lab.LabFileException;
import dev.vlab.lab.YamlLines;
import java.util.List;
import java.util.Map;

/** Turns a problem with one field of an exercise file into a {@code file:line:} message. */
record FileProblems(String file, YamlLines lines) {

  LabFileException error(String field, String problem) {
    return new LabFileException(file, lines.lineOf(field), field, problem);
  }

  <T> T required(T value, String field) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw error(field, "missing; see labs/README.md for the exercise format");
    }
    return value;
  }

  /** Refuses any field {@code given} that is not one of those the entry {@code what} takes. */
  void onlyFields(Map<String, Object> given, List<String> takes, String at, String what) {
    for (String field : given.keySet()) {
      if (!takes.contains(field)) {
        throw error(
            at + "." + field,
            what + " takes no " + field + (takes.isEmpty() ? "" : "; it takes " + takes));
      }
    }
  }

  /** An absolute path inside the container, such as /data. */
  String target(String value, String field) {
    if (!value.startsWith("/") || value.equals("/") || value.contains("..")) {
      throw error(
          field, "'" + value + "' must be an absolute path inside the container, like /data");
    }
    return value;
  }
}
