package io.fraudpipeline.functions.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The functions' image without Docker: its file system assembled by carrying out {@code
 * functions/Dockerfile} (the zip made one jar, the AOT cache trained at build time), and each
 * function run under the emulator as a container of the image runs it, with the command and
 * environment the operator renders for {@code examples/fraudpipeline-arm64-image.yaml}.
 */
class ImageInTheRuntimeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CACHE = "/opt/fraud/fraud-functions.aot";

  @TempDir static Path work;
  private static RuntimeTier tier;
  private static FunctionsImage image;
  private static Map<String, RenderedFunction> rendered;

  @BeforeAll
  static void buildTheImage() {
    tier = RuntimeTier.shared();
    image =
        FunctionsImage.build(
            Path.of(System.getProperty("functions.dockerfile", "../Dockerfile")),
            tier.root,
            tier.runtime,
            work.resolve("image"));
    rendered = tier.rendered("fraudpipeline-arm64-image.yaml");
    tier.createTables(rendered.get("processor"));
  }

  @Test
  void theBuildTrainedTheCacheAndTheImageStartsWithIt() {
    assertThat(image.file(CACHE)).isRegularFile();
    assertThat(image.environment().get("JAVA_TOOL_OPTIONS")).contains("-XX:AOTCache=" + CACHE);
    assertThat(rendered.get("scorer").packageType()).isEqualTo("Image");
    assertThat(image.start(rendered.get("scorer").handler()))
        .last()
        .isEqualTo(rendered.get("scorer").handler());
  }

  @Test
  void bothFunctionsRunThroughTheEntrypointAndTheJvmLoadsTheirClassesFromTheCache()
      throws Exception {
    RenderedFunction processorFunction = rendered.get("processor");
    RenderedFunction scorerFunction = rendered.get("scorer");
    Path processorJvmLog = work.resolve("processor-jvm.log");
    Path scorerJvmLog = work.resolve("scorer-jvm.log");

    try (EmulatedFunction processor =
            tier.startImageFunction(
                image, processorFunction, logged(processorJvmLog), work.resolve("processor"));
        EmulatedFunction scorer =
            tier.startImageFunction(
                image, scorerFunction, logged(scorerJvmLog), work.resolve("scorer"))) {
      EmulatedFunction.Invocation post =
          processor.invoke(
              JSON.writeValueAsString(
                  Map.of(
                      "resource", "/transactions",
                      "path", "/transactions",
                      "httpMethod", "POST",
                      "headers", Map.of("Content-Type", "application/json"),
                      "requestContext", Map.of("requestId", "img-1", "stage", "prod"),
                      "body",
                          "{\"transaction_id\":\"img-post\",\"timestamp\":1700000000,\"amount\":9.5}",
                      "isBase64Encoded", false)));
      EmulatedFunction.Invocation score =
          scorer.invoke(
              JSON.writeValueAsString(
                  Map.of(
                      "transaction_id", "img-score",
                      "timestamp", 1700000000L,
                      "amount", "20.00",
                      "merchant", "bakery")));

      assertThat(post.status()).isEqualTo(200);
      assertThat(JSON.readTree(post.body()).path("statusCode").asInt())
          .as(post.body())
          .isEqualTo(202);
      assertThat(processor.postedResponse(post.requestId())).isTrue();
      JsonNode scored = JSON.readTree(score.body());
      assertThat(scored.path("transactions").path(0).path("transaction_id").asText())
          .as(score.body())
          .isEqualTo("img-score");
      assertThat(scorer.postedResponse(score.requestId())).isTrue();

      assertUsedTheCache(
          processorJvmLog, "io.fraudpipeline.functions.processor.TransactionProcessorHandler");
      assertUsedTheCache(scorerJvmLog, "io.fraudpipeline.functions.scorer.FraudScorerHandler");
      // the image's HTTP client is the CRT's (decision 0012): its classes from the cache, its
      // native library loaded (the cache pre-loads classes; only a client built loads the library)
      for (Path jvmLog : List.of(processorJvmLog, scorerJvmLog)) {
        assertThat(Files.readString(jvmLog))
            .contains(
                "software.amazon.awssdk.http.crt.AwsCrtHttpClient source: shared objects file")
            .containsPattern("Loaded library .*libaws-crt-jni\\.so");
      }
      System.out.printf(
          "image INIT as the emulator reports it: processor %.1f ms, scorer %.1f ms%n",
          processor.initDurationMs().orElseThrow(), scorer.initDurationMs().orElseThrow());
    }
  }

  @Test
  void withoutTheCacheTheSameStartIsSlower() {
    RenderedFunction scorerFunction = rendered.get("scorer");
    String event = "{\"transaction_id\":\"img-cold\",\"timestamp\":1700000000,\"amount\":\"3.00\"}";
    Map<String, String> withoutCache = new LinkedHashMap<>(image.localEnvironment());
    withoutCache.remove("JAVA_TOOL_OPTIONS");
    List<Double> cached = new ArrayList<>();
    List<Double> uncached = new ArrayList<>();
    // interleaved, so that load from elsewhere falls on both alike
    for (int round = 0; round < 3; round++) {
      cached.add(firstStart(scorerFunction, image.localEnvironment(), event, "cached-" + round));
      uncached.add(firstStart(scorerFunction, withoutCache, event, "uncached-" + round));
    }
    double bestCached = cached.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double bestUncached = uncached.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    System.out.printf(
        "image scorer, INIT + first invocation (ms): with the AOT cache %s, without %s; best %.0f"
            + " against %.0f (%.2fx)%n",
        cached, uncached, bestCached, bestUncached, bestCached / bestUncached);

    assertThat(bestCached).isLessThan(bestUncached);
  }

  /** INIT (as the emulator reports it) plus the first invocation, in milliseconds. */
  private static double firstStart(
      RenderedFunction function, Map<String, String> environment, String event, String name) {
    try (EmulatedFunction scorer =
        tier.startImageFunction(image, function, environment, work.resolve(name))) {
      EmulatedFunction.Invocation first = scorer.invoke(event);
      assertThat(scorer.postedResponse(first.requestId())).as(scorer.log()).isTrue();
      return Math.round(first.elapsedNanos() / 100_000.0) / 10.0;
    }
  }

  /** The image's environment, with the JVM's AOT and class-loading log written to a file. */
  private static Map<String, String> logged(Path jvmLog) {
    Map<String, String> environment = new LinkedHashMap<>(image.localEnvironment());
    environment.put(
        "JAVA_TOOL_OPTIONS",
        environment.get("JAVA_TOOL_OPTIONS")
            + " -Xlog:aot,class+load=info,library=info:file="
            + jvmLog);
    return environment;
  }

  /**
   * The JVM opened the image's cache and took the handler's class from it: only the cache holds the
   * functions' classes (the JDK's own archive holds none), so a cache the JVM ignored, or one
   * trained on another class path, fails here.
   */
  private static void assertUsedTheCache(Path jvmLog, String handlerClass) throws Exception {
    String log = Files.readString(jvmLog);
    assertThat(log).contains("Opened AOT cache " + image.file(CACHE));
    assertThat(log).contains(handlerClass + " source: shared objects file");
  }
}
