package io.fraudpipeline.benchmarks.coldstart;

import io.fraudpipeline.dynalite.DynaliteServer;
import io.fraudpipeline.dynalite.FraudTables;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.Handlers;
import io.fraudpipeline.functions.runtime.EmulatedFunction;
import io.fraudpipeline.functions.runtime.FunctionsImage;
import io.fraudpipeline.functions.runtime.JavaRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of the packaged functions beside the original Node.js handlers, a command and not a
 * test. Every run is a fresh process, from its start to its first handled event and to its exit,
 * against one Dynalite and counting stubs of Lambda and SNS; the rows of a case take turns, round
 * after round, so load elsewhere on the machine falls on all of them alike. Prints the table
 * (median, min, max; ratio to the original in the same run) and the targets of issue 14.
 */
public final class ColdStartBenchmark {

  private static final String HANDLER_CLASS_PROCESSOR = className(Handlers.PROCESSOR);
  private static final String HANDLER_CLASS_SCORER = className(Handlers.SCORER);

  /** The image's CRT-based HTTP client, built beside the zip (functions/lambda's crt-linux.xml). */
  private static final String CRT_PACKAGE = "fraud-functions-crt-linux.zip";

  /** The functions' variable naming their HTTP client (their HttpClients). */
  private static final String HTTP_CLIENT = "FRAUD_HTTP_CLIENT";

  private static final Map<String, String> URL_CONNECTION = Map.of(HTTP_CLIENT, "url-connection");
  private static final Map<String, String> CRT = Map.of(HTTP_CLIENT, "crt");

  private ColdStartBenchmark() {}

  /** One case: the event each side gets, for our handler and the original's (null: none). */
  private record Scenario(
      String name, String ours, String original, IntFunction<String> event, boolean stream) {}

  private record Row(Scenario scenario, String label, Figures figures) {}

  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path work =
        Files.createDirectories(Path.of(System.getProperty("work.dir", "target/cold-start")));
    Path zip = Path.of(System.getProperty("functions.zip"));
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(zip + " is missing: build it with -am (see the README)");
    }
    Path artifact = unpack(zip, work.resolve("artifact"));
    Path runnerJar = runnerJar(work.resolve("runner.jar"));
    Path functionsJar = jarOf(artifact, work.resolve("fraud-functions.jar"));
    Path jdk17 = Path.of(System.getProperty("jdk17.home"));
    Path jdk25 = Path.of(System.getProperty("jdk25.home"));
    List<String> zipClasspath = List.of(artifact.toString(), runnerJar.toString());
    List<String> jarClasspath = List.of(functionsJar.toString(), runnerJar.toString());

    boolean overTls = Boolean.getBoolean("cold-start.tls");
    header(zip, runs, overTls);
    // the key of the loopback endpoints with -Dcold-start.tls
    TlsMaterial tls = overTls ? TlsMaterial.create(work.resolve("tls")) : null;
    SSLContext serving = overTls ? tls.serverContext() : null;
    // the CRT's TLS reads the system's CA file only: over TLS every row runs where it has the
    // loopback certificate too (null: plain HTTP, or no namespace here, and no CRT rows)
    CaBundleNamespace namespace =
        overTls ? CaBundleNamespace.forCertificate(tls.certificate(), work.resolve("tls")) : null;
    // the image's AWS CRT-based client, beside the zip (decision 0012)
    Path crtZip = zip.resolveSibling(CRT_PACKAGE);
    boolean crt = Files.isRegularFile(crtZip) && (!overTls || namespace != null);
    if (!Files.isRegularFile(crtZip)) {
      System.out.println("NO " + crtZip + ": THE CRT ROWS ARE SKIPPED");
    }
    Path crtDir = crt ? unpack(crtZip, work.resolve("crt")) : null;
    Path crtJar = crt ? jarOf(crtDir, work.resolve("fraud-functions-crt.jar")) : null;
    List<JavaContender> ours = new ArrayList<>();
    ours.add(
        new JavaContender(
            "ours, JDK 17, Lambda's flags",
            jdk17,
            zipClasspath,
            trust(tls, jdk17),
            false,
            URL_CONNECTION));
    ours.add(
        new JavaContender(
            "ours, JDK 25, Lambda's flags",
            jdk25,
            zipClasspath,
            trust(tls, jdk25),
            false,
            URL_CONNECTION));
    JavaContender jdk25Lambda = ours.get(1);
    if (crt) {
      ours.add(
          new JavaContender(
              "ours, JDK 25, Lambda's flags, CRT",
              jdk25,
              List.of(artifact.toString(), crtDir.toString(), runnerJar.toString()),
              trust(tls, jdk25),
              false,
              CRT));
    }
    if (jdk25Lambda.available()) {
      ours.add(
          aotContender(
              "ours, JDK 25 + AOT cache (image)",
              jdk25,
              jarClasspath,
              URL_CONNECTION,
              trust(tls, jdk25),
              work.resolve("fraud-functions.aot")));
      if (crt) {
        ours.add(
            aotContender(
                "ours, JDK 25 + AOT cache (image), CRT",
                jdk25,
                List.of(functionsJar.toString(), crtJar.toString(), runnerJar.toString()),
                CRT,
                trust(tls, jdk25),
                work.resolve("fraud-functions-crt.aot")));
      }
    }
    ours.add(
        new JavaContender(
            "ours, JDK 25, primed (SnapStart)*",
            jdk25,
            zipClasspath,
            trust(tls, jdk25),
            true,
            URL_CONNECTION));
    if (crt) {
      ours.add(
          new JavaContender(
              "ours, JDK 25, primed (SnapStart)*, CRT",
              jdk25,
              List.of(artifact.toString(), crtDir.toString(), runnerJar.toString()),
              trust(tls, jdk25),
              true,
              CRT));
    }
    ours.removeIf(
        c -> {
          if (!c.available()) {
            System.out.println("skipped (no JDK at " + c.javaHome() + "): " + c.label());
          }
          return !c.available();
        });

    // Lambda's own loop: the emulator and the runtime interface client, on the zip as the java25
    // runtime lays it out and on the image assembled from functions/Dockerfile (the CRT's, and the
    // same Dockerfile with the URL connection client named instead)
    List<EmulatorContender> emulated = new ArrayList<>();
    if (jdk25Lambda.available()) {
      Path root = Path.of(System.getProperty("project.root"));
      JavaRuntime runtime =
          new JavaRuntime(jdk25, Path.of(System.getProperty("lambda-runtime.lib")));
      Path emulator = EmulatedFunction.buildEmulator(root);
      Path task = JavaRuntime.unpack(zip, Files.createTempDirectory(work, "emulator-task"));
      Path dockerfile = root.resolve("functions/Dockerfile");
      FunctionsImage image =
          FunctionsImage.build(dockerfile, root, runtime, Files.createTempDirectory(work, "image"));
      emulated.add(
          new EmulatorContender(
              "emulator: zip, java25 layout", emulator, runtime, task, null, URL_CONNECTION));
      if (crt) {
        // the CRT as a jar in lib/, which the java25 runtime puts on the function's class path
        Path crtTask = JavaRuntime.unpack(zip, Files.createTempDirectory(work, "emulator-task"));
        Files.createDirectories(crtTask.resolve("lib"));
        Files.copy(crtJar, crtTask.resolve("lib/fraud-functions-crt.jar"));
        emulated.add(
            new EmulatorContender(
                "emulator: zip + CRT in lib/, java25 layout",
                emulator,
                runtime,
                crtTask,
                null,
                CRT));
      }
      String client = image.environment().getOrDefault(HTTP_CLIENT, "url-connection");
      if (!client.equals("crt") || crt) {
        emulated.add(
            new EmulatorContender(
                "emulator: image, Dockerfile's cache, " + client,
                emulator,
                runtime,
                image.file("/var/task"),
                image,
                Map.of()));
      }
      Optional<Path> other = otherClientDockerfile(dockerfile, work);
      if (other.isPresent() && (crt || !client.equals("url-connection"))) {
        FunctionsImage otherImage =
            FunctionsImage.build(
                other.get(), root, runtime, Files.createTempDirectory(work, "image"));
        emulated.add(
            new EmulatorContender(
                "emulator: image, Dockerfile's cache, " + otherImage.environment().get(HTTP_CLIENT),
                emulator,
                runtime,
                otherImage.file("/var/task"),
                otherImage,
                Map.of()));
      }
    }

    // -Dcold-start.rows=a,b: only our rows whose label holds one of these (the original always)
    String only = System.getProperty("cold-start.rows", "");
    if (!only.isBlank()) {
      List<String> wanted = List.of(only.split(","));
      ours.removeIf(c -> wanted.stream().noneMatch(c.label()::contains));
      emulated.removeIf(c -> wanted.stream().noneMatch(c.label()::contains));
    }
    // -Dcold-start.jvm-log=true: where the time goes, not figures (logging slows every row)
    Path jvmLogs =
        Boolean.getBoolean("cold-start.jvm-log")
            ? Files.createDirectories(work.resolve("jvm-log"))
            : null;
    if (jvmLogs != null) {
      System.out.println(
          "JVM LOGS ON (class+load and startuptime, with uptime, in " + jvmLogs + "): NOT FIGURES");
    }

    Optional<OriginalHandlers> original =
        OriginalHandlers.prepare(System.getProperty("original.handlers"), work);
    List<Scenario> scenarios =
        List.of(
            new Scenario(
                "processor: POST /transactions",
                HANDLER_CLASS_PROCESSOR,
                null,
                ColdStartBenchmark::post,
                false),
            new Scenario(
                "processor: stream batch of 100",
                HANDLER_CLASS_PROCESSOR,
                OriginalHandlers.PROCESSOR,
                ColdStartBenchmark::streamBatch,
                true),
            new Scenario(
                "scorer: one non-alerting event",
                HANDLER_CLASS_SCORER,
                OriginalHandlers.SCORER,
                ColdStartBenchmark::score,
                false));

    try (DynaliteServer dynalite = DynaliteServer.startInMemory();
        DynamoDbClient client = dynalite.client();
        CountingEndpoint lambda = CountingEndpoint.lambdaInvoke(serving);
        CountingEndpoint sns = CountingEndpoint.snsPublish(serving);
        TlsRelay dynamoDbTls = overTls ? new TlsRelay(serving, dynalite.endpoint()) : null) {
      FraudTables.transactions("transactions-bench").createIn(client);
      FraudTables.fraudScores("fraud_scores-bench").createIn(client);
      Map<String, String> common = new HashMap<>();
      common.put("AWS_REGION", "us-east-1");
      common.put("AWS_ACCESS_KEY_ID", "bench");
      common.put("AWS_SECRET_ACCESS_KEY", "bench");
      common.put(
          "AWS_ENDPOINT_URL_DYNAMODB",
          (overTls ? dynamoDbTls.endpoint() : dynalite.endpoint()).toString());
      common.put("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString());
      common.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
      Map<String, String> oursEnv = new HashMap<>(common);
      oursEnv.put(EnvVars.TRANSACTIONS_TABLE, "transactions-bench");
      oursEnv.put(EnvVars.FRAUD_SCORES_TABLE, "fraud_scores-bench");
      oursEnv.put(EnvVars.SCORER_FUNCTION_NAME, "fraud-scorer-bench:live");
      oursEnv.put(EnvVars.ALERT_TOPIC_ARN, "arn:aws:sns:us-east-1:000000000000:fraud-alerts-bench");
      Map<String, String> originalEnv = new HashMap<>(common);
      originalEnv.put("FRAUD_SCORER_FUNCTION", "fraud-scorer-bench");
      originalEnv.put("FRAUD_SCORES_TABLE", "fraud_scores-bench");
      originalEnv.put("SNS_TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:fraud-alerts-bench");
      original.ifPresent(o -> originalEnv.put("ORIGINAL_DIR", o.dir().toString()));
      if (overTls) {
        originalEnv.put("NODE_EXTRA_CA_CERTS", tls.certificate().toString());
        // the servers' own TLS code warmed here, so no row's first run pays for it
        warm(tls, dynamoDbTls.endpoint(), lambda.endpoint(), sns.endpoint());
        lambda.takeCount();
      }

      Map<String, Row> rows = new LinkedHashMap<>();
      for (Scenario s : scenarios) {
        if (s.original() != null && original.isPresent()) {
          rows.put(
              s.name() + "|original",
              new Row(s, "the original (Node.js, aws-sdk v2)", new Figures()));
        }
        for (JavaContender c : ours) {
          rows.put(s.name() + "|" + c.label(), new Row(s, c.label(), new Figures()));
        }
        for (EmulatorContender c : emulated) {
          rows.put(s.name() + "|" + c.label(), new Row(s, c.label(), new Figures()));
        }
      }
      int id = 0;
      for (int round = 0; round < runs; round++) {
        for (Scenario s : scenarios) {
          if (s.original() != null && original.isPresent()) {
            Path event = write(work, "event-" + id, s.event().apply(id++));
            lambda.takeCount();
            var sample =
                ProcessRun.run(
                    inNamespace(namespace, original.get().command(s.original(), event)),
                    originalEnv,
                    work);
            rows.get(s.name() + "|original").figures().add(sample, lambda.takeCount());
          }
          for (JavaContender c : ours) {
            Path event = write(work, "event-" + id, s.event().apply(id++));
            lambda.takeCount();
            Map<String, String> env = new HashMap<>(oursEnv);
            env.putAll(c.environment());
            List<String> command = new ArrayList<>(c.command(s.ours(), event));
            if (jvmLogs != null) {
              Path log = jvmLogs.resolve(slug(s.name() + " " + c.label()) + "-" + id + ".log");
              command.add(1, "-Xlog:class+load,startuptime:file=" + log + ":uptime,tags");
            }
            var sample = ProcessRun.run(inNamespace(namespace, command), env, work);
            rows.get(s.name() + "|" + c.label()).figures().add(sample, lambda.takeCount());
          }
          for (EmulatorContender c : emulated) {
            String handler =
                s.ours().equals(HANDLER_CLASS_PROCESSOR) ? Handlers.PROCESSOR : Handlers.SCORER;
            String event = s.event().apply(id++);
            lambda.takeCount();
            var sample =
                c.run(
                    handler,
                    event,
                    oursEnv,
                    trust(tls, jdk25),
                    namespace,
                    Files.createTempDirectory(work, "emulator-run"));
            rows.get(s.name() + "|" + c.label()).figures().add(sample, lambda.takeCount());
          }
        }
        System.out.printf(Locale.ROOT, "round %d of %d done%n", round + 1, runs);
      }
      print(scenarios, rows);
    }
  }

  /** A row on jars with an AOT cache trained first on the same class path and client. */
  private static JavaContender aotContender(
      String label,
      Path jdk,
      List<String> classpath,
      Map<String, String> client,
      List<String> trust,
      Path cache)
      throws IOException {
    List<String> options =
        new ArrayList<>(AotCache.runOptions(AotCache.train(jdk, classpath, client, cache)));
    options.addAll(trust);
    return new JavaContender(label, jdk, classpath, List.copyOf(options), false, client);
  }

  private static String slug(String label) {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static List<String> inNamespace(CaBundleNamespace namespace, List<String> command) {
    return namespace == null ? command : namespace.wrap(command);
  }

  /**
   * A copy of the Dockerfile with the other HTTP client named in its {@code ENV FRAUD_HTTP_CLIENT},
   * the rest unchanged (its cache trained with that client); empty when the Dockerfile names none.
   */
  private static Optional<Path> otherClientDockerfile(Path dockerfile, Path work)
      throws IOException {
    String text = Files.readString(dockerfile);
    String crt = "ENV " + HTTP_CLIENT + "=\"crt\"";
    String urlConnection = "ENV " + HTTP_CLIENT + "=\"url-connection\"";
    String other;
    if (text.contains(crt)) {
      other = text.replace(crt, urlConnection);
    } else if (text.contains(urlConnection)) {
      other = text.replace(urlConnection, crt);
    } else {
      return Optional.empty();
    }
    return Optional.of(Files.writeString(work.resolve("Dockerfile.other-client"), other));
  }

  /** A few requests to each TLS endpoint from this JVM, whatever they answer. */
  private static void warm(TlsMaterial tls, URI... endpoints) throws IOException {
    SSLSocketFactory factory = tls.clientContext().getSocketFactory();
    for (URI endpoint : endpoints) {
      for (int i = 0; i < 20; i++) {
        var connection = (HttpsURLConnection) endpoint.toURL().openConnection();
        connection.setSSLSocketFactory(factory);
        connection.setRequestProperty("Connection", "close");
        int status = connection.getResponseCode();
        try (InputStream body =
            status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
          if (body != null) {
            body.readAllBytes();
          }
        }
        connection.disconnect();
      }
    }
  }

  /**
   * The JVM options that have a row trust the loopback TLS endpoints; none over plain HTTP ({@code
   * tls} null) or for a JDK that is not there (its row is skipped).
   */
  private static List<String> trust(TlsMaterial tls, Path javaHome) throws IOException {
    return tls != null && Files.isDirectory(javaHome) ? tls.trustOptions(javaHome) : List.of();
  }

  private static void header(Path zip, int runs, boolean overTls) throws IOException {
    System.out.printf(
        Locale.ROOT,
        "cold start, %s; %d cores, load %.2f; Node %s; %d runs per row, interleaved%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        OriginalHandlers.nodeVersion(),
        runs);
    System.out.println(
        overTls
            ? "endpoints: TLS on loopback, as in AWS (Dynalite behind a TLS relay, the stubs over"
                + " HTTPS; a throwaway RSA 2048 certificate each side trusts besides its own CAs)"
            : "endpoints: plain HTTP on loopback (-Dcold-start.tls=true for TLS, as in AWS)");
    long size = Files.size(zip);
    System.out.printf(
        Locale.ROOT,
        "package %s: %,d bytes (%.2f MiB) -> target < 10 MB: %s%n",
        zip.getFileName(),
        size,
        size / 1024.0 / 1024.0,
        size < 10_000_000 ? "met" : "NOT MET");
  }

  private static void print(List<Scenario> scenarios, Map<String, Row> rows) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-36s %-15s %6s %6s %6s %7s %5s %6s %7s %6s %8s%n",
        "case / row",
        "",
        "first",
        "min",
        "max",
        "x orig",
        "",
        "whole",
        "x orig",
        "CPU",
        "RSS MiB");
    for (Scenario s : scenarios) {
      System.out.println(s.name() + (s.stream() ? " (invokes of the scorer per run)" : ""));
      Row base = rows.get(s.name() + "|original");
      for (Row r : rows.values()) {
        if (r.scenario() != s) {
          continue;
        }
        Figures f = r.figures();
        if (r.label().startsWith("emulator")) {
          System.out.printf(
              Locale.ROOT,
              "  %-50s %6d %6d %6d %7s %5s %6d %7s%n",
              r.label(),
              f.median(ProcessRun.Sample::firstEventMillis),
              f.min(ProcessRun.Sample::firstEventMillis),
              f.max(ProcessRun.Sample::firstEventMillis),
              base == null
                  ? "n/a"
                  : ratio(
                      f.median(ProcessRun.Sample::firstEventMillis),
                      base.figures().median(ProcessRun.Sample::firstEventMillis)),
              s.stream() ? String.valueOf(f.medianInvokes()) : "",
              f.median(ProcessRun.Sample::eventMillis),
              "INIT");
          continue;
        }
        boolean primed = r.label().contains("primed");
        java.util.function.ToLongFunction<ProcessRun.Sample> first =
            primed ? ProcessRun.Sample::eventMillis : ProcessRun.Sample::firstEventMillis;
        String firstRatio =
            base == null
                ? "n/a"
                : ratio(
                    f.median(first), base.figures().median(ProcessRun.Sample::firstEventMillis));
        String wholeRatio =
            base == null || primed
                ? "n/a"
                : ratio(
                    f.median(ProcessRun.Sample::wholeMillis),
                    base.figures().median(ProcessRun.Sample::wholeMillis));
        System.out.printf(
            Locale.ROOT,
            "  %-50s %6d %6d %6d %7s %5s %6d %7s %6d %8.0f%n",
            r.label(),
            f.median(first),
            f.min(first),
            f.max(first),
            firstRatio,
            s.stream() ? String.valueOf(f.medianInvokes()) : "",
            f.median(ProcessRun.Sample::wholeMillis),
            wholeRatio,
            f.median(ProcessRun.Sample::cpuMillis),
            f.median(ProcessRun.Sample::peakRssKb) / 1024.0);
      }
    }
    System.out.println(
        "first: ms from process start to the first handled event; whole: ms to process exit; CPU:"
            + " user+system ms of the process; RSS: peak resident set. Medians; min/max of first.");
    System.out.println(
        "* primed: the event alone after the primer ran in the same JVM, as the first event after a"
            + " SnapStart restore (a restore itself cannot be measured here), with the JIT the java25"
            + " runtime gives a SnapStart function (C1 and C2, not C1 only); its whole/CPU/RSS"
            + " include init and priming, which a restore replaces.");
    System.out.println(
        "emulator rows: first = INIT plus the first invocation, from the invoke request to its"
            + " answer (the emulator starts the runtime at the first invocation); the 'whole'"
            + " column holds the INIT the emulator reported. No CPU or RSS: the runtime is the"
            + " emulator's child.");
    targets(scenarios, rows);
  }

  private static void targets(List<Scenario> scenarios, Map<String, Row> rows) {
    System.out.println();
    for (Scenario s : scenarios) {
      Row base = rows.get(s.name() + "|original");
      for (Row r : rows.values()) {
        // the emulator rows measure another span (INIT plus the invocation); shown, not targeted
        if (r.scenario() != s
            || r.label().startsWith("the original")
            || r.label().startsWith("emulator")) {
          continue;
        }
        long first = r.figures().median(ProcessRun.Sample::firstEventMillis);
        if (r.label().contains("AOT")) {
          if (base == null) {
            System.out.printf(
                "target AOT <= 0.7x the original, %s: no original to compare%n", s.name());
          } else {
            long whole = r.figures().median(ProcessRun.Sample::wholeMillis);
            double firstX =
                (double) first / base.figures().median(ProcessRun.Sample::firstEventMillis);
            double wholeX = (double) whole / base.figures().median(ProcessRun.Sample::wholeMillis);
            System.out.printf(
                Locale.ROOT,
                "target AOT <= 0.7x the original, %s: first %.2fx, whole %.2fx -> %s%n",
                s.name(),
                firstX,
                wholeX,
                firstX <= 0.7 && wholeX <= 0.7 ? "met" : "NOT MET");
          }
        } else if (!r.label().contains("primed")) {
          System.out.printf(
              Locale.ROOT,
              "target < 1 s to the first event without AOT, %s, %s: %d ms -> %s%n",
              s.name(),
              r.label(),
              first,
              first < 1000 ? "met" : "NOT MET");
        }
        if (s.stream() && base != null && !r.label().contains("primed")) {
          long ourWhole = r.figures().median(ProcessRun.Sample::wholeMillis);
          long theirWhole = base.figures().median(ProcessRun.Sample::wholeMillis);
          System.out.printf(
              Locale.ROOT,
              "target stream batch faster than the original (%s): whole %d vs %d ms -> %s; scorer"
                  + " invokes %d vs %d -> %s (ours one event per batch, the original's one per"
                  + " record)%n",
              r.label(),
              ourWhole,
              theirWhole,
              ourWhole < theirWhole ? "met" : "NOT MET",
              r.figures().medianInvokes(),
              base.figures().medianInvokes(),
              r.figures().medianInvokes() < base.figures().medianInvokes() ? "met" : "NOT MET");
        }
      }
    }
  }

  private static String ratio(long value, long base) {
    return String.format(Locale.ROOT, "%.2f", (double) value / base);
  }

  private static String post(int id) {
    String body =
        "{\"transaction_id\":\"bench-post-"
            + id
            + "\",\"timestamp\":1700000000,\"amount\":12.5,"
            + "\"merchant\":\"shop\"}";
    return "{\"resource\":\"/transactions\",\"path\":\"/transactions\",\"httpMethod\":\"POST\","
        + "\"headers\":{\"Content-Type\":\"application/json\"},\"pathParameters\":null,"
        + "\"requestContext\":{\"requestId\":\"bench-"
        + id
        + "\",\"stage\":\"prod\"},\"body\":"
        + quoted(body)
        + ",\"isBase64Encoded\":false}";
  }

  /** 100 inserts, as the stream mapping hands them over (batchSize 100). */
  private static String streamBatch(int id) {
    StringBuilder records = new StringBuilder();
    for (int r = 0; r < 100; r++) {
      if (r > 0) {
        records.append(',');
      }
      records
          .append("{\"eventID\":\"")
          .append(id)
          .append('-')
          .append(r)
          .append("\",\"eventName\":\"INSERT\",\"eventSource\":\"aws:dynamodb\",\"dynamodb\":{")
          .append("\"SequenceNumber\":\"")
          .append(id * 1000 + r)
          .append("\",\"NewImage\":{\"transaction_id\":{\"S\":\"bench-stream-")
          .append(id)
          .append('-')
          .append(r)
          .append("\"},\"timestamp\":{\"N\":\"1700000000\"},\"amount\":{\"N\":\"12.5\"},")
          .append("\"merchant\":{\"S\":\"shop\"}}}}");
    }
    return "{\"Records\":[" + records + "]}";
  }

  /** What the processor hands the scorer: a score below the alert threshold. */
  private static String score(int id) {
    return "{\"transaction_id\":\"bench-score-"
        + id
        + "\",\"timestamp\":1700000000,\"amount\":\"12.5\",\"merchant\":\"shop\"}";
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String className(String handler) {
    int i = handler.indexOf("::");
    return i < 0 ? handler : handler.substring(0, i);
  }

  private static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name + ".json"), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The zip as Lambda unpacks it into /var/task. */
  private static Path unpack(Path zip, Path into) throws IOException {
    if (Files.exists(into)) {
      try (var files = Files.walk(into)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path target = into.resolve(e.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IllegalStateException("entry outside the archive: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
    return into;
  }

  /** The unpacked artifact as one jar, as the image carries it (an AOT cache needs jars). */
  private static Path jarOf(Path dir, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        var files = Files.walk(dir)) {
      for (Path p : files.sorted().toList()) {
        if (Files.isRegularFile(p)) {
          out.putNextEntry(new JarEntry(dir.relativize(p).toString().replace('\\', '/')));
          Files.copy(p, out);
          out.closeEntry();
        }
      }
    }
    return jar;
  }

  /** {@link FirstEvent} alone in a jar, so that it adds nothing else to the measured class path. */
  private static Path runnerJar(Path jar) throws IOException {
    String entry = FirstEvent.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        InputStream in = FirstEvent.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }
}
