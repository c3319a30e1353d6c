package dev.vlab.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a number of seconds that must be at least one. */
final class PositiveSeconds implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    long seconds;
    try {
      seconds = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number of seconds");
    }
    if (seconds < 1 || seconds > 3600) {
      throw new TypeConversionException(
          "'" + value + "' is out of range; give between 1 and 3600 seconds");
    }
    return Duration.ofSeconds(seconds);
  }
}
