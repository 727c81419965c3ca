package io.fraudpipeline.dynalite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Dynalite running as a node child process on a free loopback port, in memory or persisting to a
 * directory. Dynalite implements the DynamoDB HTTP API (tables, items, conditions, queries) but
 * neither DynamoDB Streams nor time to live.
 */
public final class DynaliteServer implements AutoCloseable {

  /** Directory holding {@code dynalite/cli.js}: the {@code node_modules} `npm ci` filled. */
  public static final String MODULES_PROPERTY = "dynalite.modules";

  /** The node executable; {@code node} from the PATH unless set. */
  public static final String NODE_PROPERTY = "dynalite.node";

  private static final Path DEFAULT_MODULES = Paths.get("functions", "dynalite", "node_modules");
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
  private static final int PORT_ATTEMPTS = 3;

  /**
   * Runs Dynalite's command line inside a node that exits as soon as its standard input ends. The
   * JVM holds the other end of that pipe, so whenever the JVM ends (even by {@code kill -9}) the
   * operating system closes it and node follows, releasing the data directory.
   */
  private static final String LAUNCHER =
      "process.stdin.on('end',()=>process.exit(0));process.stdin.on('error',()=>process.exit(0));"
          + "process.stdin.resume();require(process.argv[1]);";

  private final Process process;
  private final int port;
  private final OutputCapture output;
  private final DataDirLock lock;
  private final OutputStream lifeline;
  private final CompletableFuture<String> unexpectedExit = new CompletableFuture<>();
  private volatile boolean closing;

  private DynaliteServer(Process process, int port, OutputCapture output, DataDirLock lock) {
    this.process = process;
    this.port = port;
    this.output = output;
    this.lock = lock;
    this.lifeline = process.getOutputStream();
    process
        .onExit()
        .thenRun(
            () -> {
              if (!closing) {
                unexpectedExit.complete(
                    "the DynamoDB engine (Dynalite, pid "
                        + process.pid()
                        + ") exited with code "
                        + process.exitValue()
                        + lastWords());
              }
            });
  }

  private String lastWords() {
    String text = output.text();
    if (text.isEmpty()) {
      return "";
    }
    String[] lines = text.split("\\R");
    return ": " + lines[lines.length - 1];
  }

  /** Starts an in-memory Dynalite: every table is gone when it stops. */
  public static DynaliteServer startInMemory() {
    return start(Optional.empty());
  }

  /** Starts Dynalite persisting its LevelDB store in {@code dataDir} (created if missing). */
  public static DynaliteServer startPersistent(Path dataDir) {
    return start(Optional.of(dataDir));
  }

  private static DynaliteServer start(Optional<Path> dataDir) {
    Path cli = locateCli();
    DataDirLock lock = dataDir.map(DataDirLock::acquire).orElse(null);
    IllegalStateException last = null;
    // the free port is probed then released, so another process may grab it first: retry
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = freeLoopbackPort();
      try {
        return launch(cli, port, dataDir, lock);
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    if (lock != null) {
      lock.close();
    }
    throw last;
  }

  private static DynaliteServer launch(
      Path cli, int port, Optional<Path> dataDir, DataDirLock lock) {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty(NODE_PROPERTY, "node"));
    command.add("-e");
    command.add(LAUNCHER);
    command.add(cli.toAbsolutePath().toString());
    command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
    // tables become ACTIVE at once instead of after Dynalite's default half second
    command.addAll(List.of("--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
    if (dataDir.isPresent()) {
      command.addAll(List.of("--path", dataDir.get().toAbsolutePath().toString()));
    }
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run node (set -D" + NODE_PROPERTY + " to its path): " + e.getMessage(), e);
    }
    OutputCapture output = OutputCapture.of(process.getInputStream());
    DynaliteServer server = new DynaliteServer(process, port, output, lock);
    server.awaitReady();
    return server;
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        closing = true;
        throw new IllegalStateException(
            "Dynalite exited with code " + process.exitValue() + ": " + output.text());
      }
      if (answers()) {
        return;
      }
      sleepBriefly();
    }
    stopProcess();
    throw new IllegalStateException(
        "Dynalite did not answer on port " + port + " within " + STARTUP_TIMEOUT + ": " + output);
  }

  /** True once the port serves the DynamoDB API (an unsigned request gets an HTTP error back). */
  private boolean answers() {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
      connection.setConnectTimeout(200);
      connection.setReadTimeout(1000);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("X-Amz-Target", "DynamoDB_20120810.ListTables");
      connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
      try (OutputStream body = connection.getOutputStream()) {
        body.write("{}".getBytes(StandardCharsets.UTF_8));
      }
      int status = connection.getResponseCode();
      connection.disconnect();
      return status > 0;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Dynalite", e);
    }
  }

  static Path locateCli() {
    String configured = System.getProperty(MODULES_PROPERTY);
    Path modules = configured != null ? Paths.get(configured) : findDefaultModules();
    Path cli = modules.resolve("dynalite").resolve("cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException(
          "Dynalite is not installed: "
              + cli.toAbsolutePath()
              + " is missing. Run `mvn -pl functions/dynalite generate-resources` (it runs npm ci)"
              + " or point -D"
              + MODULES_PROPERTY
              + " at a node_modules directory holding dynalite 4.0.0.");
    }
    return cli;
  }

  /** {@code functions/dynalite/node_modules} of the checkout the working directory is inside. */
  private static Path findDefaultModules() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(DEFAULT_MODULES);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      if (dir.getFileName() != null
          && dir.getFileName().toString().equals("dynalite")
          && Files.isDirectory(dir.resolve("node_modules"))) {
        return dir.resolve("node_modules");
      }
    }
    return DEFAULT_MODULES;
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port", e);
    }
  }

  public int port() {
    return port;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * A client for this server: fixed region and dummy credentials (Dynalite checks that a request is
   * signed, not by whom), the URL-connection HTTP client.
   */
  public DynamoDbClient client() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** The node process's id. */
  public long pid() {
    return process.pid();
  }

  /**
   * Completes, with a sentence saying so, when the engine ends without {@link #close} being called:
   * every request fails from then on.
   */
  public CompletableFuture<String> unexpectedExit() {
    return unexpectedExit;
  }

  /** Stops the node process and releases the data directory. */
  @Override
  public void close() {
    stopProcess();
    if (lock != null) {
      lock.close();
    }
  }

  /** Stops the node process, forcibly if it does not end within five seconds. */
  private void stopProcess() {
    closing = true;
    try {
      lifeline.close();
    } catch (IOException alreadyClosed) {
      // the process has gone already
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The last few KiB the process printed, kept to explain a failed start. */
  private static final class OutputCapture {
    private static final int LIMIT = 8192;
    private final StringBuilder text = new StringBuilder();

    static OutputCapture of(InputStream stream) {
      OutputCapture capture = new OutputCapture();
      Thread reader = new Thread(() -> capture.drain(stream), "dynalite-output");
      reader.setDaemon(true);
      reader.start();
      return capture;
    }

    private void drain(InputStream stream) {
      byte[] buffer = new byte[1024];
      try (stream) {
        for (int n; (n = stream.read(buffer)) >= 0; ) {
          append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException ended) {
        // the process is gone; what was read so far is kept
      }
    }

    private synchronized void append(String chunk) {
      text.append(chunk);
      if (text.length() > LIMIT) {
        text.delete(0, text.length() - LIMIT);
      }
    }

    synchronized String text() {
      return text.toString().strip();
    }

    @Override
    public String toString() {
      return text();
    }
  }
}
