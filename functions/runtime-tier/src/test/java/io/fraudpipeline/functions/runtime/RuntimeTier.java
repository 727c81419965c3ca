package io.fraudpipeline.functions.runtime;

import io.fraudpipeline.dynalite.DynaliteServer;
import io.fraudpipeline.dynalite.FraudTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the runtime tier's tests share, made once per test JVM: the emulator (built and cached by
 * {@code test-support/lambda-rie/build.sh}), the java25 runtime's layout, one Dynalite with the
 * tables the rendered example names, and loopback Lambda and SNS.
 */
final class RuntimeTier {

  private static RuntimeTier shared;

  final Path root = Path.of(System.getProperty("project.root", "../.."));
  final Path emulator;
  final JavaRuntime runtime;
  final DynaliteServer dynalite;
  final DynamoDbClient dynamo;
  final LoopbackAws lambda = LoopbackAws.lambda();
  final LoopbackAws sns = LoopbackAws.sns();

  private RuntimeTier() {
    emulator = EmulatedFunction.buildEmulator(root);
    runtime =
        new JavaRuntime(
            Path.of(System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64")),
            Path.of(System.getProperty("lambda-runtime.lib", "target/lambda-runtime/lib")));
    dynalite = DynaliteServer.startInMemory();
    dynamo = dynalite.client();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  dynalite.close();
                  lambda.close();
                  sns.close();
                },
                "runtime-tier-stop"));
  }

  static synchronized RuntimeTier shared() {
    if (shared == null) {
      shared = new RuntimeTier();
    }
    return shared;
  }

  Path zip() {
    return existing(
        Path.of(System.getProperty("functions.zip", "../lambda/target/fraud-functions.zip")));
  }

  Path operatorJar() {
    return existing(Path.of(System.getProperty("operator.jar")));
  }

  /** The Functions the operator renders for an example of the repository. */
  Map<String, RenderedFunction> rendered(String example) {
    return RenderedFunctions.render(operatorJar(), root.resolve("examples").resolve(example));
  }

  /** Creates the tables the functions' environment names, once. */
  void createTables(RenderedFunction processor) {
    FraudTables.transactions(processor.environment().get("TRANSACTIONS_TABLE")).createIn(dynamo);
    FraudTables.fraudScores(processor.environment().get("FRAUD_SCORES_TABLE")).createIn(dynamo);
  }

  /**
   * Credentials as Lambda puts them in an on-demand environment, and every AWS call on loopback.
   */
  Map<String, String> awsOnLoopback() {
    Map<String, String> added = new LinkedHashMap<>();
    added.put("AWS_ACCESS_KEY_ID", "runtime-tier");
    added.put("AWS_SECRET_ACCESS_KEY", "runtime-tier");
    added.put("AWS_SESSION_TOKEN", "runtime-tier-session");
    added.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
    added.put("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint());
    added.put("AWS_ENDPOINT_URL_SNS", sns.endpoint());
    return added;
  }

  /** The zip's function started in the emulator, as the java25 runtime starts it. */
  EmulatedFunction startZipFunction(RenderedFunction function, Path work) {
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path task = JavaRuntime.unpack(zip(), work.resolve("var/task"));
    return EmulatedFunction.start(
        emulator,
        runtime.zipBootstrap(function.handler()),
        task,
        JavaRuntime.environment(function, task, awsOnLoopback()),
        work.resolve("emulator.log"));
  }

  /**
   * A container of the image for {@code function}: its entrypoint with the Function's command, the
   * image's {@code ENV} (plus {@code extraJavaOptions} after its {@code JAVA_TOOL_OPTIONS}), and
   * the environment Lambda gives the function.
   */
  EmulatedFunction startImageFunction(
      FunctionsImage image,
      RenderedFunction function,
      Map<String, String> imageEnvironment,
      Path work) {
    Path task = image.file("/var/task");
    Map<String, String> environment = JavaRuntime.environment(function, task, awsOnLoopback());
    environment.putAll(imageEnvironment);
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return EmulatedFunction.start(
        emulator, image.start(function.handler()), task, environment, work.resolve("emulator.log"));
  }

  int count(String table) {
    return dynamo.scan(s -> s.tableName(table).consistentRead(true)).count();
  }

  private static Path existing(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalStateException(path.toAbsolutePath() + " is missing: package it first");
    }
    return path;
  }
}
