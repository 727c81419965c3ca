package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.Main;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code render} as a user runs it: exit codes, YAML on stdout, one-line errors. */
class RenderCommandTest {

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  private Result render(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 1];
    full[0] = "render";
    System.arraycopy(args, 0, full, 1, args.length);
    int code = cli.execute(full);
    return new Result(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void rendersTheWholeExampleStackAsValidManagedResources() {
    Result r =
        render(
            "--assume-ready",
            "-f",
            ProjectPaths.examples().resolve("fraudpipeline.yaml").toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    List<JsonNode> docs = CrdValidator.readYaml(r.out());
    assertThat(docs)
        .hasSize(
            CrossplaneBackend.INSTANCE
                .renderAssumingReady(
                    Fixtures.example(ProjectPaths.examples().resolve("fraudpipeline.yaml")))
                .desired()
                .size());
    assertThat(r.out()).startsWith("# FraudPipeline fraud-dev/payments (suffix dev): ");
    assertThat(r.out()).contains("# apiEndpoint: https://");
    CrdValidator validator = CrdValidator.load(ProjectPaths.providerCrds());
    assertThat(docs).allSatisfy(d -> assertThat(validator.validate(d)).isEmpty());
  }

  @Test
  void withoutStatusesItListsWhatWaitsAndWhy() {
    Result r =
        render("-f", ProjectPaths.examples().resolve("fraudpipeline-minimal.yaml").toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("waiting")
        .contains("#   not yet: EventSourceMapping ")
        .doesNotContain("kind: EventSourceMapping");
  }

  /** The render once the objects of {@code rounds} renders before it are observed Ready. */
  private static RenderedStack rendersAfter(FraudPipeline pipeline, int rounds) {
    RenderedStack stack = CrossplaneBackend.INSTANCE.render(pipeline, ObservedObjects.none());
    for (int i = 0; i < rounds; i++) {
      stack =
          CrossplaneBackend.INSTANCE.render(
              pipeline,
              new ObservedObjects(
                  stack.desired().stream()
                      .map(CrossplaneBackend.INSTANCE::withAssumedStatus)
                      .toList()));
    }
    return stack;
  }

  @Test
  void observedStatusesReleaseTheResourcesThatNeedThem() throws Exception {
    var pipeline = Fixtures.pipeline("seed");
    // three rounds: the stream mapping waits for the processor's alias, which waits for its
    // Function, which waits for the check's role (its environment names it)
    var second = rendersAfter(pipeline, 2);
    StringBuilder observed = new StringBuilder();
    for (var mr : second.desired()) {
      observed.append(YamlOutput.document(CrossplaneBackend.INSTANCE.withAssumedStatus(mr)));
    }
    Path observedFile = write("observed.yaml", observed.toString());
    Path pipelineFile = write("p.yaml", Fixtures.resource("pipelines/seed.yaml"));

    Result r = render("-f", pipelineFile.toString(), "--observed", observedFile.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("kind: EventSourceMapping")
        .contains("streamArn".isEmpty() ? "" : "eventSourceArn: arn:aws:dynamodb:");
  }

  @Test
  void observedStatusesMayComeAsAKubectlListOnStandardInput() throws Exception {
    var second = rendersAfter(Fixtures.pipeline("seed"), 2);
    var list =
        new KubernetesListBuilder()
            .withItems(
                second.desired().stream()
                    .map(CrossplaneBackend.INSTANCE::withAssumedStatus)
                    .map(r -> (HasMetadata) r)
                    .toList())
            .build();
    Path observedFile = write("list.yaml", YamlOutput.document(list));
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(
              Fixtures.resource("pipelines/seed.yaml").getBytes(StandardCharsets.UTF_8)));
      Result r = render("-f", "-", "--observed", observedFile.toString());
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).contains("kind: EventSourceMapping");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void badInputExitsNonZeroWithOneLineNamingTheField() throws Exception {
    String seed = Fixtures.resource("pipelines/seed.yaml");
    assertOneLineError(
        write("typo.yaml", seed.replace("s3Key:", "s3Kee:")),
        "spec.functions.code.s3Kee: unknown field");
    assertOneLineError(
        write("type.yaml", seed.replace("memoryMb: 512", "memoryMb: lots")),
        "spec.functions.processor.memoryMb: ");
    assertOneLineError(
        write(
            "both.yaml",
            seed.replace(
                "s3Bucket: my-artifacts", "s3Bucket: my-artifacts\n      imageUri: x/y:1")),
        "spec.functions.code: set exactly one of s3 (s3Bucket + s3Key) or imageUri");
    assertOneLineError(
        write("kind.yaml", seed.replace("kind: FraudPipeline", "kind: ConfigMap")),
        "kind: expected a FraudPipeline, found ConfigMap");
    assertOneLineError(write("yaml.yaml", "a: [unclosed"), "(yaml): not valid YAML");
  }

  @Test
  void typesAreCheckedAsTheApiServerChecksThem() throws Exception {
    String seed = Fixtures.resource("pipelines/seed.yaml");
    assertOneLineError(
        write("float.yaml", seed + "  stream: {batchSize: 1.5}\n"),
        "spec.stream.batchSize: invalid value '1.5' (expected integer)");
    assertOneLineError(
        write("quoted.yaml", seed + "  scoring: {alertThreshold: \"0.5\"}\n"),
        "spec.scoring.alertThreshold: ");
    assertOneLineError(
        write("number.yaml", seed.replace("region: us-east-1", "region: 12")),
        "spec.region: invalid value '12' (expected string)");
    assertOneLineError(
        write("unknown.yaml", seed + "  colour: blue\n"), "spec.colour: unknown field");
  }

  @Test
  void unknownMetadataFieldsAreRefusedAsKubectlsStrictValidationWould() throws Exception {
    String seed = Fixtures.resource("pipelines/seed.yaml");
    String[][] cases = {
      {"  name: payments\n", "  name: payments\n  labelz: {team: payments}\n", "metadata.labelz"},
      {
        "  name: payments\n",
        "  name: payments\n  ownerReferences:\n"
            + "    - {apiVersion: v1, kind: ConfigMap, name: x, uid: u, colour: blue}\n",
        "metadata.ownerReferences[0].colour"
      },
      {"kind: FraudPipeline\n", "kind: FraudPipeline\nstatuz: {}\n", "statuz"},
    };
    for (String[] c : cases) {
      Result r = render("-f", write("meta.yaml", seed.replace(c[0], c[1])).toString());

      assertThat(r.exitCode()).as(c[2]).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().strip()).isEqualTo("error: " + c[2] + ": unknown field");
    }
  }

  @Test
  void severalPipelinesInOneFileAreRenderedOneAfterAnother() throws Exception {
    String seed = Fixtures.resource("pipelines/seed.yaml");
    String other =
        seed.replace("name: payments", "name: refunds").replace("suffix: dev", "suffix: dev2");
    Result docs = render("-f", write("two.yaml", seed + "---\n" + other).toString());
    StringBuilder items = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
    for (String pipeline : List.of(seed, other)) {
      items.append("- ").append(pipeline.strip().replace("\n", "\n  ")).append("\n");
    }
    Result list = render("-f", write("list.yaml", items.toString()).toString());

    for (Result r : List.of(docs, list)) {
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out().lines().filter(l -> l.startsWith("# FraudPipeline ")))
          .extracting(l -> l.substring(0, l.indexOf(" (")))
          .containsExactly(
              "# FraudPipeline fraud-dev/payments", "# FraudPipeline fraud-dev/refunds");
    }
  }

  @Test
  void aPathThatIsNotAYamlFileIsOneLineNamingIt() throws Exception {
    Path binary = dir.resolve("binary.yaml");
    Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xe9});

    assertOneLineError(dir, dir + " is a directory, not a YAML file");
    assertOneLineError(binary, binary + " is a binary file, not YAML");
    assertOneLineError(latin1, latin1 + " is not UTF-8 text");
    assertOneLineError(dir.resolve("missing.yaml"), dir.resolve("missing.yaml") + ": no such file");
  }

  @Test
  void observedAndAssumeReadyExcludeEachOther() throws Exception {
    Path pipeline = write("p.yaml", Fixtures.resource("pipelines/seed.yaml"));
    Result r =
        render("-f", pipeline.toString(), "--assume-ready", "--observed", pipeline.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").contains("--observed", "--assume-ready");
  }

  @Test
  void anObservedFileWithNothingOfThePipelineGetsAWarning() throws Exception {
    Path pipeline = write("p.yaml", Fixtures.resource("pipelines/seed.yaml"));
    Path unrelated =
        write(
            "unrelated.yaml",
            "apiVersion: dynamodb.aws.m.upbound.io/v1beta1\nkind: Table\n"
                + "metadata: {name: someone-elses, namespace: fraud-dev}\n");

    Result r = render("-f", pipeline.toString(), "--observed", unrelated.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .startsWith(
            "warning: "
                + unrelated
                + " holds none of the managed resources of"
                + " FraudPipeline fraud-dev/payments");
  }

  @Test
  void helpAndVersionExitZero() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out));
    assertThat(cli.execute("render", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: fraud-pipeline-operator render");
    assertThat(cli.execute("run", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: fraud-pipeline-operator run");
    assertThat(cli.execute("--help")).isZero();
    assertThat(cli.execute("--version")).isZero();
    assertThat(out.toString()).containsPattern("fraud-pipeline-operator \\d+\\.\\d+\\.\\d+");
  }

  private void assertOneLineError(Path file, String expected) {
    Result r = render("-f", file.toString());
    assertThat(r.exitCode()).as(file.getFileName().toString()).isNotZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").startsWith("error: ").contains(expected);
  }
}
