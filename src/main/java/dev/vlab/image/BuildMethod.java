package dev.vlab.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ways vlab can build the demo image. */
public enum BuildMethod {
  /** demo-app/Dockerfile, with its base images already on the engine. */
  DOCKERFILE,
  /** A FROM-scratch image assembled from the JDK vlab runs on: no registry needed. */
  SELF_CONTAINED,
  /** demo-app/Dockerfile, letting the engine pull its base images. */
  DOCKERFILE_WITH_PULL;

  /** The name used on the command line and in image labels. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The method an image label names; empty for a label this vlab does not know. */
  public static Optional<BuildMethod> fromLabel(String label) {
    return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst();
  }
}
