package dev.vlab.cli;

import dev.vlab.image.BuildMethod;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --build}: {@code dockerfile} or {@code self-contained}. */
final class BuildMethodConverter implements ITypeConverter<BuildMethod> {
  @Override
  public BuildMethod convert(String value) {
    return switch (value) {
      case "dockerfile" -> BuildMethod.DOCKERFILE;
      case "self-contained" -> BuildMethod.SELF_CONTAINED;
      default ->
          throw new TypeConversionException(
              "'" + value + "' is not a build method; use dockerfile or self-contained");
    };
  }
}
