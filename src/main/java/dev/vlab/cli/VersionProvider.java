package dev.vlab.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, written there by the build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"vlab " + (version == null ? "(development build)" : version)};
  }
}
