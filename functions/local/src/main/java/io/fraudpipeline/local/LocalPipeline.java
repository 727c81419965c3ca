package io.fraudpipeline.local;

import io.fraudpipeline.dynalite.DynaliteServer;
import io.fraudpipeline.dynalite.FraudTables;
import io.fraudpipeline.dynalite.TableDefinition;
import io.fraudpipeline.functions.metrics.PipelineMetrics;
import io.fraudpipeline.functions.metrics.StdoutMetrics;
import io.fraudpipeline.functions.processor.TransactionProcessorHandler;
import io.fraudpipeline.functions.processor.TransactionService;
import io.fraudpipeline.functions.processor.api.CheckCaller;
import io.fraudpipeline.functions.processor.api.TransactionApi;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.scorer.FraudScorer;
import io.fraudpipeline.functions.scorer.FraudScorerHandler;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.store.DynamoDbTransactionStore;
import io.fraudpipeline.local.alerts.ConsoleAlertPublisher;
import io.fraudpipeline.local.check.LocalCheck;
import io.fraudpipeline.local.deadletter.DeadLetter;
import io.fraudpipeline.local.deadletter.DeadLetterQueue;
import io.fraudpipeline.local.http.LocalCallers;
import io.fraudpipeline.local.http.LocalHttpApi;
import io.fraudpipeline.local.lambda.LocalFunction;
import io.fraudpipeline.local.lambda.StreamHandlerFunction;
import io.fraudpipeline.local.scorer.AsyncInvocations;
import io.fraudpipeline.local.scorer.QueuedScorerInvoker;
import io.fraudpipeline.local.stream.ShardLog;
import io.fraudpipeline.local.stream.StreamCapture;
import io.fraudpipeline.local.stream.StreamPoller;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole pipeline in one process: Dynalite with both tables, the processor and scorer handlers
 * of the Lambda artifact over DynamoDB clients pointed at it, the emulated transactions stream and
 * its poller, the scorer's asynchronous invocations, the console alert topic, the two dead-letter
 * queues and the HTTP API. {@link #close} stops them in the reverse order.
 */
public final class LocalPipeline implements AutoCloseable {

  private static final String MAX_CONNECTIONS_PROPERTY = "http.maxConnections";

  private final LocalSettings settings;
  private final LocalNames names;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private DynaliteServer dynalite;
  private List<TableDefinition> tables = List.of();
  private boolean ttlEnforced;
  private ShardLog shard;
  private String streamArn;
  private StreamPoller poller;
  private AsyncInvocations scorer;
  private LocalHttpApi http;
  private ConsoleAlertPublisher alerts;
  private DeadLetterQueue processorDeadLetters;
  private DeadLetterQueue scorerDeadLetters;
  private PipelineMetrics metrics;
  private LocalCheck check;

  private LocalPipeline(LocalSettings settings) {
    this.settings = settings;
    this.names = new LocalNames(settings.environmentSuffix());
  }

  /** Starts the pipeline with its handlers as deployed, alerts on standard output. */
  public static LocalPipeline start(LocalSettings settings) {
    return start(settings, UnaryOperator.identity(), System.out);
  }

  /**
   * Starts the pipeline.
   *
   * @param scorerWrapper wraps the scorer function, e.g. to observe when scores are stored
   * @param alertOutput where alerts and metrics (EMF) are printed, one JSON line each
   * @throws UncheckedIOException when the HTTP port cannot be bound
   */
  public static LocalPipeline start(
      LocalSettings settings, UnaryOperator<LocalFunction> scorerWrapper, PrintStream alertOutput) {
    LocalPipeline pipeline = new LocalPipeline(settings);
    try {
      pipeline.startParts(scorerWrapper, alertOutput, Clock.systemUTC());
      return pipeline;
    } catch (RuntimeException e) {
      pipeline.close();
      throw e;
    }
  }

  private void startParts(
      UnaryOperator<LocalFunction> scorerWrapper, PrintStream alertOutput, Clock clock) {
    keepConnectionsAlive();
    dynalite =
        settings
            .dataDir()
            .map(DynaliteServer::startPersistent)
            .orElseGet(DynaliteServer::startInMemory);
    started.push(dynalite);

    DynamoDbClient admin = client(List.of());
    started.push(admin);
    tables =
        List.of(
            FraudTables.transactions(names.transactionsTable()),
            FraudTables.fraudScores(names.fraudScoresTable()));
    tables.get(0).createIn(admin);
    ttlEnforced = tables.get(1).createIn(admin);

    String view = tables.get(0).createTable().streamSpecification().streamViewTypeAsString();
    if (!StreamCapture.VIEW_TYPE.equals(view)) {
      throw new IllegalStateException(
          "the local stream emulates " + StreamCapture.VIEW_TYPE + " only, the table asks " + view);
    }
    shard = new ShardLog();
    streamArn =
        "arn:aws:dynamodb:us-east-1:000000000000:table/"
            + names.transactionsTable()
            + "/stream/"
            + Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    StreamCapture capture =
        new StreamCapture(
            names.transactionsTable(), tables.get(0).keyAttributes(), streamArn, shard, clock);
    // each function has its own client, as each Lambda function builds its own
    DynamoDbClient processorDb = client(List.of(capture));
    started.push(processorDb);
    DynamoDbClient scorerDb = client(List.of());
    started.push(scorerDb);

    processorDeadLetters = new DeadLetterQueue(names.processorDeadLetterQueue());
    scorerDeadLetters = new DeadLetterQueue(names.scorerDeadLetterQueue());
    alerts = new ConsoleAlertPublisher(alertOutput);

    metrics = new PipelineMetrics(names.pipeline(), new StdoutMetrics(alertOutput, clock));
    FraudScorerHandler scorerHandler =
        new FraudScorerHandler(
            new FraudScorer(
                settings.scoring(),
                new DynamoDbScoreStore(scorerDb, names.fraudScoresTable()),
                alerts,
                clock),
            metrics);
    LocalFunction scorerFunction =
        scorerWrapper.apply(new StreamHandlerFunction(names.scorerFunction(), scorerHandler));
    scorer =
        new AsyncInvocations(
            names.scorerFunction(), scorerFunction, scorerDeadLetters, settings.scorer(), clock);
    started.push(scorer);

    // handing over to the local scorer only queues, so a few threads keep up with any batch
    ExecutorService dispatch = Executors.newFixedThreadPool(4, LocalPipeline::daemon);
    started.push(dispatch::shutdownNow);
    TransactionProcessorHandler processorHandler =
        new TransactionProcessorHandler(
            new TransactionApi(
                new TransactionService(
                    new DynamoDbTransactionStore(processorDb, names.transactionsTable()),
                    new DynamoDbScoreStore(processorDb, names.fraudScoresTable()),
                    clock),
                CheckCaller.role(names.checkRoleArn()),
                metrics),
            new StreamDispatcher(new QueuedScorerInvoker(scorer), dispatch));
    LocalFunction processor =
        new StreamHandlerFunction(names.processorFunction(), processorHandler);

    poller = new StreamPoller(shard, processor, processorDeadLetters, settings.stream(), clock);
    poller.start();
    started.push(poller);

    LocalCallers callers =
        settings.checkEvery().isPresent()
            ? LocalCallers.withCheck(names.checkCallerArn())
            : LocalCallers.none();
    try {
      http =
          LocalHttpApi.start(
              settings.bind(),
              settings.port(),
              settings.httpThreads(),
              processor,
              this::alertsJson,
              this::deadLettersJson,
              callers,
              clock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage(), e);
    }
    started.push(http);

    if (settings.checkEvery().isPresent()) {
      check =
          LocalCheck.start(
              baseUri(),
              callers,
              metrics,
              settings.checkEvery().get(),
              names.checkFunction(),
              clock);
      started.push(check);
    }
  }

  /**
   * The SDK's URL-connection client keeps at most {@code http.maxConnections} idle connections per
   * host, 5 by default: with more threads than that talking to Dynalite, every extra request opened
   * and closed a TCP connection, which costs Dynalite's single thread. Read once by the JDK, before
   * the first connection, so it is set before Dynalite starts (its readiness probe connects).
   */
  private static void keepConnectionsAlive() {
    if (System.getProperty(MAX_CONNECTIONS_PROPERTY) == null) {
      System.setProperty(MAX_CONNECTIONS_PROPERTY, "64");
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "stream-dispatch");
    thread.setDaemon(true);
    return thread;
  }

  private DynamoDbClient client(List<ExecutionInterceptor> interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(dynalite.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor))
        .build();
  }

  private Object alertsJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("published", alerts.publishedCount());
    json.put("alerts", alerts.latest());
    return json;
  }

  private Object deadLettersJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    for (DeadLetterQueue queue : List.of(processorDeadLetters, scorerDeadLetters)) {
      json.put(queue.name(), queue.contents().stream().map(DeadLetter::toJson).toList());
    }
    return json;
  }

  public LocalSettings settings() {
    return settings;
  }

  public LocalNames names() {
    return names;
  }

  /** The API's base URL, e.g. {@code http://127.0.0.1:8080}. */
  public URI baseUri() {
    return URI.create("http://" + hostForUrl(settings.bind()) + ":" + http.port());
  }

  private static String hostForUrl(String bind) {
    if (bind.equals("0.0.0.0") || bind.equals("::")) {
      return "127.0.0.1";
    }
    return bind.contains(":") ? "[" + bind + "]" : bind;
  }

  public int port() {
    return http.port();
  }

  public DynaliteServer dynalite() {
    return dynalite;
  }

  /** Completes with a sentence when the DynamoDB engine ends while the pipeline runs. */
  public CompletableFuture<String> engineExit() {
    return dynalite.unexpectedExit();
  }

  /** The two tables as created: key schema, stream and time-to-live attribute. */
  public List<TableDefinition> tables() {
    return tables;
  }

  /** Whether the engine enforces the scores' time to live (Dynalite does not). */
  public boolean ttlEnforced() {
    return ttlEnforced;
  }

  public String streamArn() {
    return streamArn;
  }

  public ShardLog shard() {
    return shard;
  }

  public StreamPoller poller() {
    return poller;
  }

  public AsyncInvocations scorerInvocations() {
    return scorer;
  }

  public ConsoleAlertPublisher alerts() {
    return alerts;
  }

  public DeadLetterQueue processorDeadLetters() {
    return processorDeadLetters;
  }

  /** The check on its schedule; empty unless {@code --check-every} asked for it. */
  public Optional<LocalCheck> check() {
    return Optional.ofNullable(check);
  }

  public DeadLetterQueue scorerDeadLetters() {
    return scorerDeadLetters;
  }

  /** Stops the HTTP API, the poller, the scorer, the clients and Dynalite, in that order. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e);
      }
    }
  }
}
