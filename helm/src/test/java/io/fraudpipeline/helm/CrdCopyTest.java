package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CrdCopyTest {

  private static final String GENERATED = "META-INF/fabric8/fraudpipelines.fraudpipeline.io-v1.yml";

  @Test
  void chartCrdIsTheGeneratedCrd() throws IOException {
    Path chartCopy = Chart.dir().resolve("files/crds/fraudpipelines.fraudpipeline.io-v1.yml");
    String generated;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(GENERATED)) {
      assertThat(in).as("%s in the fraud-pipeline-crds jar", GENERATED).isNotNull();
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(Files.readString(chartCopy))
        .as(
            "the chart's CRD differs from the one generated from the Java types; refresh it with:"
                + " mvn -B -pl crds install -DskipTests && cp"
                + " crds/target/classes/%s helm/fraud-pipeline-operator/files/crds/",
            GENERATED)
        .isEqualTo(generated);
  }
}
