package dev.vlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vlab.ExitCode;
import dev.vlab.testing.CliRun;
import org.junit.jupiter.api.Test;

/** The command line's own behaviour: help, usage errors, listing. None of it needs an engine. */
class CliTest {

  @Test
  void helpShowsExamplesAndEveryExitCode() {
    CliRun run = CliRun.of("run-lab", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("Examples:", "vlab run-lab all --json");
    String unwrapped = run.out().replaceAll("\\s+", " ");
    for (String line : ExitCode.HELP) {
      assertThat(unwrapped).contains(line.split(":", 2)[1]);
    }
  }

  @Test
  void anUnknownLabIdExits2AndListsTheValidOnes() {
    CliRun run = CliRun.of("run-lab", "ephemeral", "named-volumes");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains("There is no lab 'named-volumes'")
        .contains("ephemeral, bind-mount, named-volume, wrong-mount-path, permission-failure");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownIdBesideAllIsStillAnError() {
    CliRun run = CliRun.of("run-lab", "all", "bogus");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("There is no lab 'bogus'");
  }

  @Test
  void withJsonAFailureIsAJsonObjectOnStdout() throws Exception {
    CliRun run = CliRun.of("list", "--labs", "/nonexistent/vlab-labs", "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(answer.get("exitCode").asInt()).isEqualTo(ExitCode.USAGE);
    assertThat(answer.get("error").asText()).contains("/nonexistent/vlab-labs does not exist");
  }

  @Test
  void runLabWithoutAnIdIsAUsageError() {
    CliRun run = CliRun.of("run-lab");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("ID").contains("--help");
  }

  @Test
  void anUnknownBuildMethodIsAUsageError() {
    CliRun run = CliRun.of("run-lab", "all", "--build", "podman");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains("'podman' is not a build method; use dockerfile or self-contained");
  }

  @Test
  void aMissingLabsFolderIsAUsageError() {
    CliRun run = CliRun.of("list", "--labs", "/nonexistent/vlab-labs");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("/nonexistent/vlab-labs does not exist");
  }

  @Test
  void listShowsEveryLabWithItsTitle() {
    CliRun run = CliRun.of("list");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out().lines())
        .hasSize(5)
        .first()
        .asString()
        .startsWith("ephemeral")
        .contains("No volume");
  }

  @Test
  void listAsJsonNamesEachLabsFile() {
    CliRun run = CliRun.of("list", "--json");

    assertThat(run.out())
        .contains("\"id\" : \"named-volume\"")
        .contains("labs/03-named-volume.yaml");
  }
}
