package dev.vlab.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlab.Bundled;
import dev.vlab.ExitCode;
import dev.vlab.doctor.Finding.Status;
import dev.vlab.engine.Engine;
import dev.vlab.engine.EngineConnector;
import dev.vlab.image.DemoAppSources;
import dev.vlab.image.DemoImage;
import dev.vlab.testing.CliRun;
import dev.vlab.testing.RealSocket;
import dev.vlab.testing.RecordedEngine;
import dev.vlab.testing.TestEngine;
import dev.vlab.testing.VlabProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {
  @TempDir Path workRoot;

  /**
   * Doctor on this machine's engine, checked against what the host itself shows, not against the
   * engine's own answers that doctor reads.
   */
  @Test
  void explainsThisMachinesEngine() throws IOException {
    Path socket;
    try (Engine engine = TestEngine.connect()) {
      socket = RealSocket.of(engine);
    }
    CliRun run = CliRun.of("doctor", "--json");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("labsCanRun").asBoolean()).isTrue();
    Map<String, JsonNode> byTopic = byTopic(report);
    assertThat(value(byTopic, "engine")).startsWith("unix://" + socket);
    assertThat(value(byTopic, "version")).containsPattern("API 1\\.\\d+");
    assertThat(value(byTopic, "platform")).contains("linux/");
    boolean cgroupV2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    assertThat(value(byTopic, "cgroups")).startsWith(cgroupV2 ? "v2" : "v1");
    String driver = value(byTopic, "storage").split(" ")[0];
    assertThat(Path.of("/var/lib/docker", driver))
        .as("the engine's own storage folder")
        .isDirectory();
    boolean rootOwnsSocket = Files.getAttribute(socket, "unix:uid").equals(0);
    assertThat(value(byTopic, "rootless")).startsWith(rootOwnsSocket ? "no" : "yes");
    assertThat(value(byTopic, "SELinux"))
        .isEqualTo(Files.exists(Path.of("/sys/fs/selinux/enforce")) ? "enabled" : "not enabled");
    assertThat(value(byTopic, "VM")).startsWith("none");
    assertThat(value(byTopic, "free disk")).contains("GB free");
    assertThat(value(byTopic, "demo image")).startsWith(DemoImage.NAME);
    assertThat(byTopic.get("SELinux").get("meaning").asText()).isNotBlank();
  }

  @Test
  void textOutputGivesEachFindingAndItsMeaning() {
    CliRun run = CliRun.of("doctor");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .containsPattern("ok +rootless +no: the engine runs as root")
        .contains("host folder modes as they are")
        .endsWith("The labs can run here.\n");
  }

  @Test
  void dashVSaysWhichEngineWasUsedAndHowItWasFound() throws Exception {
    VlabProcess.Result run = VlabProcess.result(Map.of(), workRoot, "doctor", "-v");

    assertThat(run.output()).contains("using the engine at unix://", "found by the usual socket");
  }

  // The engines below cannot run on this machine: their answers are recorded ones.

  @Test
  void recordedDockerDesktopIsAVmWhoseFileSharingMayIgnoreHostModes() throws IOException {
    Map<String, Finding> findings = examine("docker-desktop-macos");

    assertThat(findings.get("VM").status()).isEqualTo(Status.NOTE);
    assertThat(findings.get("VM").value()).contains("Docker Desktop");
    assertThat(findings.get("VM").meaning())
        .contains("file sharing", "host folder permissions may not apply", "not reproducible here");
    assertThat(findings.get("version").value()).startsWith("Docker Desktop 26.1.1, API 1.44");
    assertThat(findings.get("free disk").value()).isEqualTo("unknown");
    assertThat(findings.get("platform").value()).contains("linux/aarch64");
    assertThat(findings.get("demo image").value()).contains("not built yet");
  }

  @Test
  void recordedRootlessDockerMapsContainerUidsToOtherHostUids() throws IOException {
    Map<String, Finding> findings = examine("rootless-docker");

    assertThat(findings.get("rootless").status()).isEqualTo(Status.NOTE);
    assertThat(findings.get("rootless").meaning()).contains("map to other host uids");
    assertThat(findings.get("VM").status()).isEqualTo(Status.OK);
    assertThat(findings.get("cgroups").value()).isEqualTo("v2 (systemd)");
  }

  @Test
  void recordedSelinuxHostNeedsZOnBindMounts() throws IOException {
    Map<String, Finding> findings = examine("fedora-selinux");

    assertThat(findings.get("SELinux").status()).isEqualTo(Status.NOTE);
    assertThat(findings.get("SELinux").meaning()).contains("':z'");
    assertThat(findings.get("storage").value()).isEqualTo("overlay2 on btrfs");
  }

  @Test
  void recordedPodmanIsNamedAsSuch() throws IOException {
    Map<String, Finding> findings = examine("podman-rootless");

    assertThat(findings.get("version").value()).startsWith("Podman 4.9.3, API 1.41");
    assertThat(findings.get("rootless").status()).isEqualTo(Status.NOTE);
    assertThat(findings.get("SELinux").status()).isEqualTo(Status.NOTE);
  }

  @Test
  void recordedColimaIsAVm() throws IOException {
    Map<String, Finding> findings = examine("colima");

    assertThat(findings.get("VM").value()).contains("Colima");
  }

  @Test
  void recordedWindowsContainersStopTheLabsWithANonZeroExit() throws Exception {
    try (RecordedEngine recorded = new RecordedEngine("windows-containers")) {
      VlabProcess.Result run =
          VlabProcess.result(
              Map.of("DOCKER_HOST", recorded.address(), "VLAB_HOME", workRoot.toString()),
              workRoot,
              "doctor");

      assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FAILED);
      assertThat(run.output())
          .containsPattern("problem +platform")
          .contains("Switch to Linux containers")
          .contains("The labs cannot run here");
    }
  }

  private Map<String, Finding> examine(String recording) throws IOException {
    try (RecordedEngine recorded = new RecordedEngine(recording);
        Engine engine = EngineConnector.connect(recorded.address())) {
      DemoImage image =
          new DemoImage(
              engine,
              DemoImage.NAME,
              new DemoAppSources(Bundled.folder("demo-app")),
              Map.of(),
              line -> {});
      List<Finding> findings = new Doctor(engine, workRoot, image).examine();
      Map<String, Finding> byTopic = new HashMap<>();
      findings.forEach(f -> byTopic.put(f.topic(), f));
      return byTopic;
    }
  }

  private static Map<String, JsonNode> byTopic(JsonNode report) {
    Map<String, JsonNode> byTopic = new HashMap<>();
    report.get("findings").forEach(f -> byTopic.put(f.get("topic").asText(), f));
    return byTopic;
  }

  private static String value(Map<String, JsonNode> byTopic, String topic) {
    assertThat(byTopic).containsKey(topic);
    return byTopic.get(topic).get("value").asText();
  }
}
