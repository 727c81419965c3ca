package io.fraudpipeline.functions.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Lambda execution environment on this machine: the AWS Lambda Runtime Interface Emulator
 * ({@code aws-lambda-rie}) serving the Runtime API to a bootstrap command (the runtime interface
 * client in a JVM), and its invoke endpoint for events. The emulator starts the runtime at the
 * first invocation (the INIT phase) and keeps it for the next ones, as Lambda does.
 */
public final class EmulatedFunction implements AutoCloseable {

  private static final Pattern INIT_REPORT =
      Pattern.compile("INIT REPORT\\(durationMs: ([0-9.]+)\\)");

  /** What the invoke endpoint answered. */
  public record Invocation(String requestId, int status, String body, long elapsedNanos) {}

  private final Process emulator;
  private final Path log;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private EmulatedFunction(Process emulator, Path log, int port) {
    this.emulator = emulator;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the emulator with {@code bootstrap} as the runtime's command, run in {@code workDir}
   * with exactly {@code environment} (the emulator passes its own environment on to the runtime).
   * Its debug log, which names each Runtime API request, goes to {@code log}.
   */
  public static EmulatedFunction start(
      Path emulatorBinary,
      List<String> bootstrap,
      Path workDir,
      Map<String, String> environment,
      Path log) {
    int invokePort = freePort();
    int runtimeApiPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(emulatorBinary.toString());
    command.add("--log-level");
    command.add("debug");
    command.add("--runtime-interface-emulator-address");
    command.add("127.0.0.1:" + invokePort);
    command.add("--runtime-api-address");
    command.add("127.0.0.1:" + runtimeApiPort);
    command.addAll(bootstrap);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      EmulatedFunction function = new EmulatedFunction(process, log, invokePort);
      function.awaitListening();
      return function;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the emulator's build script of the repository at {@code root} (at once when cached) and
   * returns the binary's path, the last line it prints.
   */
  public static Path buildEmulator(Path root) {
    try {
      Process build =
          new ProcessBuilder("bash", root.resolve("test-support/lambda-rie/build.sh").toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!build.waitFor(15, TimeUnit.MINUTES) || build.exitValue() != 0) {
        throw new IllegalStateException("the emulator's build failed:\n" + out);
      }
      List<String> lines = out.lines().toList();
      return Path.of(lines.get(lines.size() - 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends one event to the function, as {@code lambda:Invoke} would, and waits for its answer. */
  public Invocation invoke(String event) {
    String requestId = UUID.randomUUID().toString();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations"))
            .header("X-Amzn-RequestId", requestId)
            .timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofString(event))
            .build();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Invocation(
          requestId, response.statusCode(), response.body(), System.nanoTime() - start);
    } catch (IOException e) {
      throw new UncheckedIOException("invoke failed; the emulator's log:\n" + log(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The emulator's log so far, the runtime's output included. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The INIT phases the emulator reported, in milliseconds (one per runtime started). */
  public List<Double> initDurationsMs() {
    List<Double> durations = new ArrayList<>();
    Matcher matcher = INIT_REPORT.matcher(log());
    while (matcher.find()) {
      durations.add(Double.parseDouble(matcher.group(1)));
    }
    return durations;
  }

  public OptionalDouble initDurationMs() {
    return initDurationsMs().stream().mapToDouble(Double::doubleValue).findFirst();
  }

  /**
   * The error type the runtime posted to the Runtime API's {@code /error} for this invocation
   * (which is what marks an invocation failed), or null when it posted a response.
   */
  public String postedErrorType(String requestId) {
    Pattern posted =
        Pattern.compile(
            "POST /2018-06-01/runtime/invocation/"
                + Pattern.quote(requestId)
                + "/error, Headers:.*?Lambda-Runtime-Function-Error-Type:\\[([^\\]]+)\\]");
    Matcher matcher = posted.matcher(log());
    return matcher.find() ? matcher.group(1) : null;
  }

  /** Whether the runtime posted a response (success) for this invocation. */
  public boolean postedResponse(String requestId) {
    return log().contains("POST /2018-06-01/runtime/invocation/" + requestId + "/response");
  }

  /** The runtime's processes the emulator started (none before the first invocation). */
  public List<Long> runtimePids() {
    return emulator.descendants().map(ProcessHandle::pid).toList();
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!emulator.isAlive()) {
        throw new IllegalStateException("the emulator ended at start:\n" + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    throw new IllegalStateException("the emulator did not listen within 20 s:\n" + log());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Ends the emulator and the runtime it started. */
  @Override
  public void close() {
    List<ProcessHandle> runtime = emulator.descendants().toList();
    emulator.destroy();
    try {
      if (!emulator.waitFor(5, TimeUnit.SECONDS)) {
        emulator.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runtime.forEach(ProcessHandle::destroyForcibly);
  }
}
