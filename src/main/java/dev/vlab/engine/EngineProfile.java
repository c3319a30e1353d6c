package dev.vlab.engine;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import java.util.List;
import java.util.Locale;

/**
 * What kind of engine vlab is talking to, read from its {@code /info} and {@code /version} answers:
 * the facts that change how volumes behave in the labs.
 *
 * @param product "Docker Engine", "Docker Desktop", "Podman", ...
 * @param vm the virtual machine the engine runs in, such as "Docker Desktop" or "Colima", or null
 *     when containers run on the host vlab runs on
 * @param dockerRootDir where the engine keeps its data, as the engine sees it
 */
public record EngineProfile(
    String product,
    String operatingSystem,
    String osType,
    String architecture,
    String kernel,
    String storageDriver,
    String backingFilesystem,
    String cgroupVersion,
    String cgroupDriver,
    boolean rootless,
    boolean selinux,
    String vm,
    String dockerRootDir) {

  /** True when bind mounts cross into a VM through file sharing, not straight onto the host. */
  public boolean vmBacked() {
    return vm != null;
  }

  /** Reads the facts from an engine's answers; {@code address} helps tell a VM apart. */
  public static EngineProfile of(Info info, Version version, String address) {
    List<String> security =
        info.getSecurityOptions() == null ? List.of() : info.getSecurityOptions();
    String os = text(info.getOperatingSystem());
    return new EngineProfile(
        product(version, os),
        os,
        text(info.getOsType()),
        text(info.getArchitecture()),
        text(info.getKernelVersion()),
        text(info.getDriver()),
        driverStatus(info, "Backing Filesystem"),
        text(info.getCGroupVersion()),
        text(info.getCGroupDriver()),
        security.stream().anyMatch(o -> o.contains("name=rootless")),
        security.stream().anyMatch(o -> o.contains("name=selinux")),
        vm(os, text(info.getName()), address),
        text(info.getDockerRootDir()));
  }

  private static String product(Version version, String os) {
    List<VersionComponent> components =
        version.getComponents() == null ? List.of() : version.getComponents();
    if (components.stream().anyMatch(c -> text(c.getName()).contains("Podman"))) {
      return "Podman";
    }
    return os.contains("Docker Desktop") ? "Docker Desktop" : "Docker Engine";
  }

  /**
   * The VM an engine runs in, told apart by what each product reports: Docker Desktop names itself
   * as the OS, Colima and Lima (Rancher Desktop) name their VM host, Podman machines keep their
   * socket under "machine".
   */
  private static String vm(String os, String name, String address) {
    String host = name.toLowerCase(Locale.ROOT);
    if (os.contains("Docker Desktop") || host.equals("docker-desktop")) {
      return "Docker Desktop";
    }
    if (host.startsWith("colima") || address.contains("/.colima/")) {
      return "Colima";
    }
    if (host.startsWith("lima-") || address.contains("/.lima/") || address.contains("/.rd/")) {
      return "Lima (Rancher Desktop)";
    }
    if (address.contains("/podman/machine/") || address.contains("podman-machine")) {
      return "a Podman machine";
    }
    return null;
  }

  private static String driverStatus(Info info, String key) {
    if (info.getDriverStatuses() == null) {
      return "";
    }
    return info.getDriverStatuses().stream()
        .filter(pair -> pair.size() == 2 && key.equals(pair.get(0)))
        .map(pair -> pair.get(1))
        .findFirst()
        .orElse("");
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
