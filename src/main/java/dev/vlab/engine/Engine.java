package dev.vlab.engine;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ChangeLog;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.Volume;
import dev.vlab.ExitCode;
import dev.vlab.VlabException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Engine API calls vlab makes, each behind one small method. Not-found and conflict answers are
 * turned into plain results where a caller can act on them.
 */
public final class Engine implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  /** How long a removal the engine is already doing may take. */
  private static final Duration REMOVAL_TIMEOUT = Duration.ofSeconds(30);

  private final DockerClient docker;
  private final String address;
  private final String foundBy;
  private final String apiVersion;
  private final String engineVersion;
  private EngineProfile profile;

  Engine(
      DockerClient docker,
      String address,
      String foundBy,
      String apiVersion,
      String engineVersion) {
    this.docker = docker;
    this.address = address;
    this.foundBy = foundBy;
    this.apiVersion = apiVersion;
    this.engineVersion = engineVersion;
  }

  public String address() {
    return address;
  }

  /** Where vlab learned of the engine's address: DOCKER_HOST, a context, a usual socket. */
  public String foundBy() {
    return foundBy;
  }

  public String apiVersion() {
    return apiVersion;
  }

  public String engineVersion() {
    return engineVersion;
  }

  /** What kind of engine this is, asked once; it does not change while vlab runs. */
  public synchronized EngineProfile profile() {
    if (profile == null) {
      profile = EngineProfile.of(docker.infoCmd().exec(), docker.versionCmd().exec(), address);
    }
    return profile;
  }

  /** The oldest Engine API version the engine accepts. */
  public String minApiVersion() {
    return docker.versionCmd().exec().getMinAPIVersion();
  }

  /** True when the engine answers a ping now. */
  public boolean answers() {
    try {
      docker.pingCmd().exec();
      return true;
    } catch (RuntimeException e) {
      log.debug("the engine at {} does not answer", address, e);
      return false;
    }
  }

  /**
   * Runs {@code work}. When it fails and the engine no longer answers, the failure becomes exit 3
   * with a message that says so and how to remove what was left; other failures pass unchanged.
   */
  public <T> T whileAnswering(String doing, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      if (answers()) {
        throw e;
      }
      throw new VlabException(
          ExitCode.ENGINE_UNREACHABLE,
          "Lost the Docker engine at "
              + address
              + " while "
              + doing
              + " ("
              + EngineConnector.rootMessage(e)
              + "). What this run created may still be there: once the engine answers again,"
              + " 'vlab clean' removes it, and 'vlab doctor' lists it.",
          e);
    }
  }

  /** The underlying client, for the image builder's streaming calls. */
  public DockerClient docker() {
    return docker;
  }

  // --- containers -------------------------------------------------------------------------

  /**
   * Creates a container; {@code containerPort} will be published on {@code spec.hostAddress()}, on
   * the spec's host port or, when that is 0, on one the engine picks as the container starts, so
   * vlab never chooses a port another run takes.
   */
  public String createContainer(ContainerSpec spec) {
    ExposedPort exposed = ExposedPort.tcp(spec.containerPort());
    Ports.Binding binding =
        spec.hostPort() > 0
            ? Ports.Binding.bindIpAndPort(spec.hostAddress(), spec.hostPort())
            : Ports.Binding.bindIp(spec.hostAddress());
    List<MountSpec> relabelled = spec.mounts().stream().filter(MountSpec::relabel).toList();
    HostConfig host =
        HostConfig.newHostConfig()
            .withPortBindings(new PortBinding(binding, exposed))
            .withMounts(
                spec.mounts().stream().filter(m -> !m.relabel()).map(Engine::toMount).toList())
            .withBinds(relabelled.stream().map(Engine::toBind).toList());
    CreateContainerCmd create =
        docker
            .createContainerCmd(spec.image())
            .withName(spec.name())
            .withLabels(spec.labels())
            .withExposedPorts(exposed)
            .withHostConfig(host);
    try {
      String id = create.exec().getId();
      log.debug("created container {} ({})", spec.name(), id);
      return id;
    } catch (ConflictException e) {
      throw new NameTakenException("container", spec.name());
    }
  }

  /**
   * Starts a container, again when its host port could not be bound.
   *
   * <p>The engine picks the host port as the container starts, so no other run can take it between
   * choosing and binding. What can still fail is the bind itself: the engine's allocator knows only
   * the ports the engine holds, and when another program on the host already listens on the one it
   * picks, the start fails with "address already in use". Docker 20.10 tries ten ports within one
   * start; other engines try one. Each new start asks the allocator again, and it moves on to ports
   * it has not tried, so a few more starts get past a crowded port range.
   */
  public void startContainer(String id, String name) {
    for (int attempt = 1; ; attempt++) {
      try {
        docker.startContainerCmd(id).exec();
        return;
      } catch (DockerException e) {
        if (!isPortTaken(e) || attempt == START_ATTEMPTS) {
          throw e;
        }
        log.info(
            "the host port the engine picked for {} was taken by another program; starting it"
                + " again on another port ({} of {})",
            name,
            attempt + 1,
            START_ATTEMPTS);
      }
    }
  }

  static final int START_ATTEMPTS = 4;

  private static boolean isPortTaken(DockerException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("address already in use")
        || message.contains("port is already allocated");
  }

  /** Creates and starts a container; one that will not start is removed again. */
  public String runContainer(ContainerSpec spec) {
    String id = createContainer(spec);
    try {
      startContainer(id, spec.name());
      return id;
    } catch (DockerException e) {
      removeContainer(id);
      throw VlabException.failed(
          "Container "
              + spec.name()
              + " would not start: "
              + e.getMessage()
              + ". vlab removed it again. If a port is already in use, free it or run again.",
          e);
    }
  }

  private static Mount toMount(MountSpec mount) {
    MountType type = mount.kind() == MountSpec.Kind.BIND ? MountType.BIND : MountType.VOLUME;
    return new Mount()
        .withType(type)
        .withSource(mount.source())
        .withTarget(mount.target())
        .withReadOnly(mount.readOnly());
  }

  /** The -v form, the only one that can ask for an SELinux relabel (":z"). */
  private static Bind toBind(MountSpec mount) {
    return new Bind(
        mount.source(),
        new Volume(mount.target()),
        mount.readOnly() ? AccessMode.ro : AccessMode.rw,
        SELContext.shared);
  }

  public Optional<InspectContainerResponse> inspectContainer(String idOrName) {
    try {
      return Optional.of(docker.inspectContainerCmd(idOrName).exec());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  public boolean isRunning(String id) {
    return inspectContainer(id)
        .map(c -> Boolean.TRUE.equals(c.getState().getRunning()))
        .orElse(false);
  }

  /** The host port the engine chose for {@code containerPort}; empty once the container stopped. */
  public Optional<Integer> publishedPort(String id, int containerPort) {
    return inspectContainer(id).flatMap(c -> hostPort(c, containerPort));
  }

  /** The host port where a container publishes {@code containerPort}, if it does. */
  public static Optional<Integer> hostPort(InspectContainerResponse container, int containerPort) {
    Map<ExposedPort, Ports.Binding[]> bindings = publishedPorts(container);
    Ports.Binding[] forPort = bindings.get(ExposedPort.tcp(containerPort));
    return forPort == null || forPort.length == 0
        ? Optional.empty()
        : Optional.of(Integer.parseInt(forPort[0].getHostPortSpec()));
  }

  /** Every published port of a running container, by container port. */
  public static Map<ExposedPort, Ports.Binding[]> publishedPorts(
      InspectContainerResponse container) {
    if (container.getNetworkSettings() == null
        || container.getNetworkSettings().getPorts() == null) {
      return Map.of();
    }
    Map<ExposedPort, Ports.Binding[]> all = new java.util.HashMap<>();
    container
        .getNetworkSettings()
        .getPorts()
        .getBindings()
        .forEach(
            (port, bindings) -> {
              if (bindings != null && bindings.length > 0) {
                all.put(port, bindings);
              }
            });
    return all;
  }

  /** Removes a container as {@code docker rm -f} does; its volumes stay. */
  public void removeContainer(String id) {
    try {
      docker.removeContainerCmd(id).withForce(true).exec();
      log.debug("removed container {}", id);
    } catch (NotFoundException e) {
      log.debug("container {} was already gone", id);
    } catch (ConflictException e) {
      // A removal is under way already (one a stopped scenario asked for): let it finish.
      log.debug("container {} is being removed already: {}", id, e.getMessage());
      await("container " + id + " to be removed")
          .atMost(REMOVAL_TIMEOUT)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> inspectContainer(id).isEmpty());
    }
  }

  /** The container's mounts, one line each: "volume notes on /data (read-write)". */
  public List<String> mounts(String id) {
    return inspectContainer(id).map(InspectContainerResponse::getMounts).orElse(List.of()).stream()
        .map(Engine::describe)
        .toList();
  }

  private static String describe(InspectContainerResponse.Mount mount) {
    boolean volume = mount.getName() != null && !mount.getName().isEmpty();
    return (volume ? "volume " + mount.getName() : "host folder " + mount.getSource())
        + " on "
        + mount.getDestination().getPath()
        + (Boolean.FALSE.equals(mount.getRW()) ? " (read-only)" : " (read-write)");
  }

  /** The host ports that the engine's containers publish, running or not. */
  public Set<Integer> publishedHostPorts() {
    Set<Integer> ports = new HashSet<>();
    for (Container c : docker.listContainersCmd().withShowAll(true).exec()) {
      for (ContainerPort port : c.getPorts() == null ? new ContainerPort[0] : c.getPorts()) {
        if (port.getPublicPort() != null) {
          ports.add(port.getPublicPort());
        }
      }
    }
    return ports;
  }

  /** Both output streams of a container, as {@code docker logs} shows them. */
  public String logs(String id) {
    StringBuilder out = new StringBuilder();
    try (ResultCallback.Adapter<Frame> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
          }
        }) {
      docker
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .exec(callback)
          .awaitCompletion(10, TimeUnit.SECONDS);
    } catch (NotFoundException | ConflictException e) {
      return "(container " + id + " is gone or going, its logs with it)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.debug("closing the log stream of {} failed", id, e);
    }
    return out.toString();
  }

  /** The container's changed files, as {@code docker diff} lists them: "A /data/notes.txt". */
  public List<String> changes(String id) {
    List<ChangeLog> changes = docker.containerDiffCmd(id).exec();
    return changes == null
        ? List.of()
        : changes.stream().map(c -> kindLetter(c.getKind()) + " " + c.getPath()).toList();
  }

  private static String kindLetter(Integer kind) {
    return switch (kind == null ? -1 : kind) {
      case 0 -> "C";
      case 1 -> "A";
      case 2 -> "D";
      default -> "?";
    };
  }

  /** The files below {@code path} inside a container, read through the archive endpoint. */
  public List<String> listFiles(String id, String path) {
    return readArchive(
        id,
        path,
        entries -> {
          List<String> files = new ArrayList<>();
          for (TarArchiveEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
            if (!e.isDirectory()) {
              files.add(e.getName());
            }
          }
          return files;
        },
        List.of());
  }

  /**
   * The owner, mode and age of {@code path} inside a container, as the archive endpoint reports it
   * (so no shell runs in the container); empty when there is no such path.
   */
  public Optional<PathInfo> pathInfo(String id, String path) {
    return readArchive(
        id,
        path,
        entries -> {
          TarArchiveEntry first = entries.getNextEntry();
          if (first == null) {
            return Optional.<PathInfo>empty();
          }
          boolean empty = entries.getNextEntry() == null;
          return Optional.of(
              new PathInfo(
                  first.getLongUserId(),
                  first.getLongGroupId(),
                  first.getMode() & 07777,
                  first.getModTime().toInstant(),
                  empty));
        },
        Optional.empty());
  }

  private interface ArchiveReader<T> {
    T read(TarArchiveInputStream entries) throws IOException;
  }

  private <T> T readArchive(String id, String path, ArchiveReader<T> reader, T whenMissing) {
    try (InputStream tar = docker.copyArchiveFromContainerCmd(id, path).exec();
        TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
      return reader.read(entries);
    } catch (NotFoundException e) {
      return whenMissing;
    } catch (IOException e) {
      throw VlabException.failed("Could not read " + path + " in container " + id, e);
    }
  }

  /** The names of every container, running or not, carrying this run's label. */
  public List<String> containersOfRun(String runId) {
    return containersLabelled(Map.of(Labels.RUN, runId));
  }

  /** The names of every container, running or not, carrying all of these labels. */
  public List<String> containersLabelled(Map<String, String> labels) {
    return docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().stream()
        .map(c -> c.getNames()[0].replaceFirst("^/", ""))
        .toList();
  }

  /** Every container vlab labelled as its own, running or not. */
  public List<Container> managedContainers() {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(Labels.MANAGED, "true"))
        .exec();
  }

  // --- volumes ----------------------------------------------------------------------------

  public Optional<InspectVolumeResponse> inspectVolume(String name) {
    try {
      return Optional.of(docker.inspectVolumeCmd(name).exec());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates a named volume. The engine quietly hands back an existing volume of the same name, so
   * this checks first and refuses to adopt one vlab did not make.
   */
  public void createVolume(String name, Map<String, String> labels) {
    if (inspectVolume(name).isPresent()) {
      throw new NameTakenException("volume", name);
    }
    docker.createVolumeCmd().withName(name).withLabels(labels).exec();
    log.debug("created volume {}", name);
  }

  /** Removes a volume; false when a container still uses it. */
  public boolean removeVolume(String name) {
    try {
      docker.removeVolumeCmd(name).exec();
      log.debug("removed volume {}", name);
      return true;
    } catch (NotFoundException e) {
      return true;
    } catch (ConflictException e) {
      log.debug("volume {} is still in use", name);
      return false;
    }
  }

  /** The names of every volume carrying this run's label. */
  public List<String> volumesOfRun(String runId) {
    return volumesLabelled(Map.of(Labels.RUN, runId));
  }

  /** The names of every volume carrying all of these labels. */
  public List<String> volumesLabelled(Map<String, String> labels) {
    List<String> filter =
        labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    List<InspectVolumeResponse> volumes =
        docker.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
    return volumes == null
        ? List.of()
        : volumes.stream().map(InspectVolumeResponse::getName).toList();
  }

  /** Every volume vlab labelled as its own. */
  public List<InspectVolumeResponse> managedVolumes() {
    List<InspectVolumeResponse> volumes =
        docker
            .listVolumesCmd()
            .withFilter("label", List.of(Labels.MANAGED + "=true"))
            .exec()
            .getVolumes();
    return volumes == null ? List.of() : volumes;
  }

  // --- images -----------------------------------------------------------------------------

  /** What became of an image vlab was asked to remove. */
  public enum ImageRemoval {
    REMOVED,
    IN_USE,
    ABSENT
  }

  /** Removes an image as {@code docker rmi} does: a container using it keeps it. */
  public ImageRemoval removeImage(String name) {
    try {
      docker.removeImageCmd(name).exec();
      return ImageRemoval.REMOVED;
    } catch (NotFoundException e) {
      return ImageRemoval.ABSENT;
    } catch (ConflictException e) {
      return ImageRemoval.IN_USE;
    }
  }

  public Optional<InspectImageResponse> inspectImage(String name) {
    try {
      return Optional.of(docker.inspectImageCmd(name).exec());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** The tags of every image whose entrypoint or command mentions {@code fragment}. */
  public List<String> imageTagsRunning(String fragment) {
    List<String> tags = new ArrayList<>();
    for (Image image : docker.listImagesCmd().exec()) {
      if (image.getRepoTags() == null) {
        continue;
      }
      boolean runs =
          inspectImage(image.getId())
              .map(InspectImageResponse::getConfig)
              .map(
                  c ->
                      String.join(" ", words(c.getEntrypoint()))
                          + " "
                          + String.join(" ", words(c.getCmd())))
              .filter(command -> command.contains(fragment))
              .isPresent();
      if (runs) {
        List.of(image.getRepoTags()).stream()
            .filter(tag -> !tag.startsWith("<none>"))
            .forEach(tags::add);
      }
    }
    return tags;
  }

  private static List<String> words(String[] command) {
    return command == null ? List.of() : List.of(command);
  }

  @Override
  public void close() {
    try {
      docker.close();
    } catch (IOException e) {
      log.debug("closing the engine client failed", e);
    }
  }
}
