package dev.vlab.exercise;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check: answer}: the student says where the engine keeps a volume ({@code vlab check ID
 * --answer PATH}), as {@code docker volume inspect} shows it. The answer is remembered, so a later
 * {@code check --all} counts it.
 */
final class AnswerCheck implements Check {
  private static final String DATA_SUFFIX = "/_data";

  private final String volume;

  AnswerCheck(String volume) {
    this.volume = volume;
  }

  @Override
  public String describe(Names names) {
    return "you can say where the engine keeps " + names.volume(volume);
  }

  @Override
  public Set<String> findings() {
    return Set.of("unanswered", "no-volume", "wrong");
  }

  @Override
  public Set<String> placeholders() {
    return Set.of("volume", "answer");
  }

  @Override
  public Outcome run(CheckContext context) {
    String name = context.names().volume(volume);
    Optional<String> answer = context.progress().answer();
    if (answer.isEmpty()) {
      return Outcome.fail("unanswered", "no answer yet", Map.of("volume", name));
    }
    Map<String, String> values = Map.of("volume", name, "answer", answer.get());
    Optional<String> mountpoint = context.engine().inspectVolume(name).map(v -> v.getMountpoint());
    if (mountpoint.isEmpty()) {
      return Outcome.fail("no-volume", "there is no volume " + name, values);
    }
    if (!matches(answer.get(), mountpoint.get())) {
      return Outcome.fail("wrong", "'" + answer.get() + "' is not where " + name + " is", values);
    }
    return Outcome.pass(name + " lives in " + mountpoint.get() + ", as you said");
  }

  /** The mount point itself, or the volume's folder that holds it, with or without a slash. */
  private static boolean matches(String answer, String mountpoint) {
    String given = answer.strip().replaceAll("/+$", "");
    return given.equals(mountpoint)
        || (mountpoint.endsWith(DATA_SUFFIX)
            && given.equals(mountpoint.substring(0, mountpoint.length() - DATA_SUFFIX.length())));
  }
}
