package dev.vlab.image;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the images a Dockerfile builds FROM, so vlab can tell whether a build would need a pull. It
 * knows ARG defaults, build-arg overrides and stage names, which covers the demo Dockerfile; it is
 * not a full Dockerfile parser.
 */
final class DockerfileBases {
  private static final Pattern ARG = Pattern.compile("(?i)^ARG\\s+(\\w+)(?:=(\\S+))?\\s*$");
  private static final Pattern FROM =
      Pattern.compile("(?i)^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{?(\\w+)}?");

  private DockerfileBases() {}

  static List<String> of(String dockerfile, Map<String, String> buildArgs) {
    Map<String, String> args = new HashMap<>();
    Set<String> stages = new HashSet<>();
    List<String> bases = new ArrayList<>();
    for (String line : dockerfile.lines().map(String::strip).toList()) {
      Matcher arg = ARG.matcher(line);
      Matcher from = FROM.matcher(line);
      if (arg.matches()) {
        args.put(arg.group(1), buildArgs.getOrDefault(arg.group(1), arg.group(2)));
      } else if (from.matches()) {
        String image = substitute(from.group(1), args);
        if (!stages.contains(image) && !image.equals("scratch") && !bases.contains(image)) {
          bases.add(image);
        }
        if (from.group(2) != null) {
          stages.add(from.group(2));
        }
      }
    }
    return bases;
  }

  private static String substitute(String text, Map<String, String> args) {
    Matcher ref = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (ref.find()) {
      String value = args.getOrDefault(ref.group(1), "");
      ref.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    return ref.appendTail(out).toString();
  }
}
