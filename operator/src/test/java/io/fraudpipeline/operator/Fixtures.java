package io.fraudpipeline.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.SubscriptionProtocol;
import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.operator.cli.PipelineReader;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** FraudPipelines for tests: the fixtures beside the tests and the repository's examples. */
public final class Fixtures {

  private Fixtures() {}

  /** A fixture under {@code src/test/resources/pipelines}: seed, variants, minimal. */
  public static FraudPipeline pipeline(String name) {
    return PipelineReader.readPipeline(resource("pipelines/" + name + ".yaml"));
  }

  /** The seed-equivalent pipeline, as the API server would store it (with a uid). */
  public static FraudPipeline seed() {
    FraudPipeline p = pipeline("seed");
    p.getMetadata().setUid("0d5c9e2a-3f4b-4c6d-8e9f-0a1b2c3d4e5f");
    return p;
  }

  /** Two subscriptions of the alert topic, an email and an HTTPS endpoint. */
  public static List<SubscriptionSpec> twoAlertSubscriptions() {
    return new java.util.ArrayList<>(
        List.of(
            new SubscriptionSpec(SubscriptionProtocol.EMAIL, "fraud@example.com"),
            new SubscriptionSpec(SubscriptionProtocol.HTTPS, "https://hooks.example.com/fraud")));
  }

  public static String resource(String path) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("test resource missing: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every FraudPipeline document in the repository's examples folder. */
  public static List<Path> examplePipelines() {
    try (Stream<Path> files = Files.list(ProjectPaths.examples())) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(Fixtures::isPipeline)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isPipeline(Path p) {
    try {
      return Files.readString(p).contains("kind: FraudPipeline");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FraudPipeline example(Path file) {
    try {
      return PipelineReader.readPipeline(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> spec(GenericKubernetesResource r) {
    return (Map<String, Object>) r.getAdditionalProperties().get("spec");
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> forProvider(GenericKubernetesResource r) {
    return (Map<String, Object>) spec(r).get("forProvider");
  }
}
