package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No benchmark or test class ships: the Lambda zip, the local mode's jar and the operator's jar are
 * opened (the reactor builds them before this module, which depends on the local jar) and listed.
 */
class ShippedArtifactsTest {

  static Stream<Path> artifacts() throws IOException {
    Path root = ProjectPaths.root();
    Path operatorJar;
    try (Stream<Path> jars = Files.list(root.resolve("operator/target"))) {
      operatorJar =
          jars.filter(
                  p -> p.getFileName().toString().matches("fraud-pipeline-operator-[^-]+.*\\.jar"))
              .filter(p -> !p.getFileName().toString().matches(".*-(tests|sources|javadoc)\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no operator jar in operator/target"));
    }
    return Stream.of(
        root.resolve("functions/lambda/target/fraud-functions.zip"),
        root.resolve("functions/local/target/fraud-pipeline-local.jar"),
        operatorJar);
  }

  @ParameterizedTest
  @MethodSource("artifacts")
  void shipsNoBenchmarkOrTestClass(Path artifact) throws IOException {
    assertThat(artifact).as("built by the reactor before the chart module").isRegularFile();
    assertThat(ShippedArtifacts.forbiddenClasses(artifact)).isEmpty();
  }

  @Test
  void findsBenchmarkAndTestClassesInAJarAndInAJarInsideAZip(@TempDir Path dir) throws IOException {
    byte[] nested =
        jar(
            "io/fraudpipeline/local/LoadBenchmark.class",
            "io/fraudpipeline/local/LocalMain.class",
            "org/assertj/core/api/Assertions.class");
    Path zip = dir.resolve("functions.zip");
    try (OutputStream out = Files.newOutputStream(zip)) {
      out.write(
          zip(
              new Entry("lib/app.jar", nested),
              new Entry("io/fraudpipeline/benchmarks/scale/Run.class", new byte[0]),
              new Entry("io/fraudpipeline/functions/ScorerTest$Cases.class", new byte[0]),
              new Entry("io/fraudpipeline/functions/Scorer.class", new byte[0])));
    }

    assertThat(ShippedArtifacts.forbiddenClasses(zip))
        .containsExactlyInAnyOrder(
            "functions.zip!lib/app.jar!io/fraudpipeline/local/LoadBenchmark.class",
            "functions.zip!lib/app.jar!org/assertj/core/api/Assertions.class",
            "functions.zip!io/fraudpipeline/benchmarks/scale/Run.class",
            "functions.zip!io/fraudpipeline/functions/ScorerTest$Cases.class");
  }

  @Test
  void namesEachKindOfForbiddenClass() {
    assertThat(
            List.of(
                    "org/junit/jupiter/api/Test.class",
                    "org/opentest4j/AssertionFailedError.class",
                    "io/fraudpipeline/operator/bench/Foo.class",
                    "io/fraudpipeline/operator/ScaleBenchmark$1.class",
                    "io/fraudpipeline/operator/ClusterProcess.class",
                    "io/fraudpipeline/operator/IndexedCrudDispatcher.class",
                    "io/fraudpipeline/local/KeepAlivePoster.class",
                    "io/fraudpipeline/functions/ColdStartBenchmark.class",
                    "META-INF/versions/11/io/fraudpipeline/x/ThingTest.class")
                .stream()
                .filter(ShippedArtifacts::forbidden))
        .hasSize(9);
    assertThat(
            Stream.of(
                    "io/fraudpipeline/operator/Main.class",
                    "io/fraudpipeline/operator/TestedThing.class",
                    "com/example/Attestation.class",
                    "com/google/protobuf/UnredactedDebugFormatForTest.class")
                .filter(ShippedArtifacts::forbidden))
        .isEmpty();
  }

  private record Entry(String name, byte[] content) {}

  private static byte[] jar(String... classes) throws IOException {
    return zip(Stream.of(classes).map(c -> new Entry(c, new byte[0])).toArray(Entry[]::new));
  }

  private static byte[] zip(Entry... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Entry e : entries) {
        out.putNextEntry(new ZipEntry(e.name()));
        out.write(e.content());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
