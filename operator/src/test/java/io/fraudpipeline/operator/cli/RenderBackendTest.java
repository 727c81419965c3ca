package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudpipeline.operator.Main;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code render --backend} and {@code backend: ACK} in the file, as a user runs them. */
class RenderBackendTest {

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  private static Result render(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 1];
    full[0] = "render";
    System.arraycopy(args, 0, full, 1, args.length);
    return new Result(cli.execute(full), out.toString(), err.toString());
  }

  private static String example(String name) {
    return ProjectPaths.examples().resolve(name).toString();
  }

  @Test
  void printsTheCompleteAckStackEveryObjectValidAgainstTheAckCrds() {
    Result r = render("--backend", "ACK", "--assume-ready", "-f", example("fraudpipeline.yaml"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("# FraudPipeline fraud-dev/payments (suffix dev): 38 managed resources\n")
        .contains("#   unsupported: spec.api.throttling: ACK cannot set stage method settings")
        .contains("# apiEndpoint: https://")
        .doesNotContain("not yet:");
    List<JsonNode> docs = CrdValidator.readYaml(r.out());
    assertThat(docs).hasSize(38);
    assertThat(docs)
        .allSatisfy(
            d -> assertThat(d.path("apiVersion").asText()).endsWith(".services.k8s.aws/v1alpha1"));
    CrdValidator ack = CrdValidator.load(ProjectPaths.ackCrds());
    assertThat(docs).allSatisfy(d -> assertThat(ack.validate(d)).isEmpty());
  }

  @Test
  void backendAckInTheFileRendersAckAndTheOptionOverridesIt() throws Exception {
    String yaml =
        Files.readString(Path.of(example("fraudpipeline-minimal.yaml")))
            .replace("spec:\n", "spec:\n  backend: ACK\n");
    Path file = dir.resolve("ack.yaml");
    Files.writeString(file, yaml);

    assertThat(render("-f", file.toString()).out())
        .contains("apiVersion: dynamodb.services.k8s.aws/v1alpha1");
    assertThat(render("--backend", "Crossplane", "-f", file.toString()).out())
        .contains("apiVersion: dynamodb.aws.m.upbound.io/v1beta1")
        .doesNotContain("services.k8s.aws");
  }

  @Test
  void anUnknownBackendOrApiKeyWithAckIsOneLineAndExitCode2() {
    Result unknown = render("--backend", "Pulumi", "-f", example("fraudpipeline.yaml"));
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("error: --backend: 'Pulumi' is not Crossplane or ACK\n");

    Result apiKey = render("--backend", "ACK", "-f", example("fraudpipeline-api-key.yaml"));
    assertThat(apiKey.exitCode()).isEqualTo(2);
    assertThat(apiKey.err())
        .startsWith("error: spec.api.authorization: API_KEY is not supported with backend ACK")
        .endsWith("\n")
        .hasLineCount(1);
  }
}
