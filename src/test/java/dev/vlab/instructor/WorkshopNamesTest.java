package dev.vlab.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vlab.Bundled;
import dev.vlab.ExitCode;
import dev.vlab.engine.Labels;
import dev.vlab.image.DemoImage;
import dev.vlab.scenario.RunContext;
import dev.vlab.testing.Leftovers;
import dev.vlab.testing.RealEngine;
import dev.vlab.testing.VlabProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workshop names that are taken: step mode must leave the other container, volume and port alone
 * and fall back to its own. The test takes names of its own making, random for each run, rather
 * than demo3 or notesvol, which another run on the same engine may be using.
 */
class WorkshopNamesTest {
  @RegisterExtension static final RealEngine ENGINE = new RealEngine();

  @Test
  void takenNamesAndPortAreLeftAloneAndThePrefixedOnesAreUsedAndAnnounced(@TempDir Path dir)
      throws Exception {
    String suffix = RunContext.newRunId();
    String container = "vlabtest-" + suffix;
    String volume = "vlabtestvol-" + suffix;
    Path labs = Files.createDirectory(dir.resolve("labs"));
    Files.writeString(
        labs.resolve("03-named-volume.yaml"),
        Files.readString(Bundled.folder("labs").resolve("03-named-volume.yaml"))
            .replace("container: demo3", "container: " + container)
            .replace("source: notesvol", "source: " + volume));
    ENGINE.engine().docker().createVolumeCmd().withName(volume).exec();
    String squatter =
        ENGINE
            .engine()
            .docker()
            .createContainerCmd(DemoImage.NAME)
            .withName(container)
            .exec()
            .getId();
    try (ServerSocket port3000 = holdPort3000()) {
      Path output = dir.resolve("out.txt");
      int code =
          VlabProcess.run(Map.of(), output, "run-lab", "all", "--step", "--labs", labs.toString());

      String out = Files.readString(output);
      assertThat(code).as(out).isEqualTo(ExitCode.OK);
      String runId = runId(out);
      String prefix = "vlab-" + runId + "-";
      assertThat(out)
          .contains(
              "The container name "
                  + container
                  + " is already taken on this engine; vlab leaves that container alone and uses "
                  + prefix
                  + container
                  + " for this run.")
          .contains("The volume name " + volume + " is already taken")
          .contains("$ docker volume create " + prefix + volume)
          .contains("Port 3000 is in use on this machine; this part uses ")
          .containsPattern(
              "\\$ docker run -d --name " + prefix + container + " -p 127.0.0.1:30\\d\\d:3000 ")
          .doesNotContain("-p 127.0.0.1:3000:3000")
          .contains("As expected.");
      assertThat(ENGINE.engine().inspectContainer(squatter))
          .hasValueSatisfying(
              c -> assertThat(c.getConfig().getLabels()).doesNotContainKey(Labels.RUN));
      assertThat(ENGINE.engine().inspectVolume(volume)).isPresent();
      assertThat(Leftovers.containers(ENGINE.engine(), runId)).isEmpty();
      assertThat(Leftovers.volumes(ENGINE.engine(), runId)).isEmpty();
    } finally {
      ENGINE.engine().removeContainer(squatter);
      ENGINE.engine().removeVolume(volume);
    }
  }

  /** Holds 127.0.0.1:3000 if it is free; if something else holds it, that does as well. */
  private static ServerSocket holdPort3000() throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress("127.0.0.1", DemoImage.PORT));
    } catch (IOException alreadyTaken) {
      // Taken by someone else: step mode must fall back all the same.
    }
    return socket;
  }

  private static String runId(String out) {
    Matcher id = Pattern.compile("This run is ([0-9a-f]{6})").matcher(out);
    assertThat(id.find()).as(out).isTrue();
    return id.group(1);
  }
}
