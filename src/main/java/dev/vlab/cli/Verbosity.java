package dev.vlab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The {@code -v} option: vlab's own debug logs, and with {@code -vv} docker-java's too. */
final class Verbosity {
  private static int level;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show diagnostic logs on stderr (-vv: also the Docker client's).",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  void setVerbose(boolean[] flags) {
    level = flags.length;
    LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
    logs.getLogger("dev.vlab").setLevel(level >= 1 ? Level.DEBUG : Level.INFO);
    Logger root = logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level >= 2 ? Level.DEBUG : Level.WARN);
  }

  static int level() {
    return level;
  }
}
