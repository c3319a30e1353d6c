package dev.vlab.engine;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ChangeLog;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.vlab.VlabException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
  private final String apiVersion;
  private final String engineVersion;

  Engine(DockerClient docker, String address, String apiVersion, String engineVersion) {
    this.docker = docker;
    this.address = address;
    this.apiVersion = apiVersion;
    this.engineVersion = engineVersion;
  }

  public String address() {
    return address;
  }

  public String apiVersion() {
    return apiVersion;
  }

  public String engineVersion() {
    return engineVersion;
  }

  /** The underlying client, for the image builder's streaming calls. */
  public DockerClient docker() {
    return docker;
  }

  // --- containers -------------------------------------------------------------------------

  /**
   * Creates and starts a container; {@code containerPort} is published on a host port the engine
   * picks on 127.0.0.1, so two runs never race for one.
   */
  public String runContainer(ContainerSpec spec) {
    ExposedPort exposed = ExposedPort.tcp(spec.containerPort());
    HostConfig host =
        HostConfig.newHostConfig()
            .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), exposed))
            .withMounts(spec.mounts().stream().map(Engine::toMount).toList());
    CreateContainerCmd create =
        docker
            .createContainerCmd(spec.image())
            .withName(spec.name())
            .withLabels(spec.labels())
            .withExposedPorts(exposed)
            .withHostConfig(host);
    String id;
    try {
      id = create.exec().getId();
    } catch (ConflictException e) {
      throw nameTaken("container", spec.name());
    }
    log.debug("created container {} ({})", spec.name(), id);
    docker.startContainerCmd(id).exec();
    return id;
  }

  private static Mount toMount(MountSpec mount) {
    MountType type = mount.kind() == MountSpec.Kind.BIND ? MountType.BIND : MountType.VOLUME;
    return new Mount()
        .withType(type)
        .withSource(mount.source())
        .withTarget(mount.target())
        .withReadOnly(mount.readOnly());
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

  /** The host port the engine chose for {@code containerPort}. */
  public int publishedPort(String id, int containerPort) {
    Ports.Binding[] bindings =
        inspectContainer(id)
            .map(
                c ->
                    c.getNetworkSettings()
                        .getPorts()
                        .getBindings()
                        .get(ExposedPort.tcp(containerPort)))
            .orElse(null);
    if (bindings == null || bindings.length == 0) {
      throw VlabException.failed(
          "Container "
              + id
              + " has no published port for "
              + containerPort
              + "; it may have exited at start. See 'docker logs "
              + id
              + "'.",
          null);
    }
    return Integer.parseInt(bindings[0].getHostPortSpec());
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
    } catch (NotFoundException e) {
      return "(container " + id + " is gone, its logs with it)";
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
    try (InputStream tar = docker.copyArchiveFromContainerCmd(id, path).exec();
        TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
      List<String> files = new java.util.ArrayList<>();
      for (TarArchiveEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
        if (!e.isDirectory()) {
          files.add(e.getName());
        }
      }
      return files;
    } catch (NotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw VlabException.failed("Could not read " + path + " in container " + id, e);
    }
  }

  /** The labels of every container and volume carrying {@code label=value}. */
  public List<String> containersLabelled(String label, String value) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(label, value))
        .exec()
        .stream()
        .map(c -> c.getId())
        .toList();
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
      throw nameTaken("volume", name);
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

  // --- images -----------------------------------------------------------------------------

  public Optional<InspectImageResponse> inspectImage(String name) {
    try {
      return Optional.of(docker.inspectImageCmd(name).exec());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static VlabException nameTaken(String kind, String name) {
    return VlabException.failed(
        "A "
            + kind
            + " named '"
            + name
            + "' already exists and vlab did not create it for this"
            + " run, so vlab leaves it alone and stops. Remove or rename it yourself"
            + " ('docker "
            + kind
            + " rm "
            + name
            + "') if it is not needed, then run again.",
        null);
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
