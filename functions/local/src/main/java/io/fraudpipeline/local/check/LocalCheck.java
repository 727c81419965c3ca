package io.fraudpipeline.local.check;

import io.fraudpipeline.functions.check.ApiAuthorization;
import io.fraudpipeline.functions.check.HttpTransactionsClient;
import io.fraudpipeline.functions.check.PipelineCheck;
import io.fraudpipeline.functions.check.PipelineCheckHandler;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.metrics.PipelineMetrics;
import io.fraudpipeline.local.http.LocalCallers;
import io.fraudpipeline.local.lambda.LocalFunction;
import io.fraudpipeline.local.lambda.StreamHandlerFunction;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The pipeline's check on its own schedule, as EventBridge runs it in AWS: the Lambda artifact's
 * check handler, invoked with a scheduled event, sending its synthetic transaction to the local API
 * over HTTP as a client would, known to the API by its token ({@link LocalCallers}). A run starts
 * at once and then {@code every} after the previous one ended, so runs never overlap.
 */
public final class LocalCheck implements AutoCloseable {

  private final LocalFunction function;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "pipeline-check");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicLong succeeded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Map<String, Object>> last = new AtomicReference<>();

  private LocalCheck(LocalFunction function, Clock clock) {
    this.function = function;
    this.clock = clock;
  }

  /**
   * Starts the schedule.
   *
   * @param api the local API's base URL
   * @param functionName the check function's name, as in AWS
   */
  public static LocalCheck start(
      URI api,
      LocalCallers callers,
      PipelineMetrics metrics,
      Duration every,
      String functionName,
      Clock clock) {
    String token = callers.checkToken();
    ApiAuthorization asTheCheck =
        (request, body) ->
            ApiAuthorization.none()
                .authorize(
                    request.toBuilder().putHeader(LocalCallers.CHECK_HEADER, token).build(), body);
    PipelineCheckHandler handler =
        new PipelineCheckHandler(
            new PipelineCheck(
                new HttpTransactionsClient(UrlConnectionHttpClient.create(), api, asTheCheck),
                metrics));
    LocalCheck check = new LocalCheck(new StreamHandlerFunction(functionName, handler), clock);
    check.timer.scheduleWithFixedDelay(check::runOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return check;
  }

  private void runOnce() {
    try {
      Map<String, Object> result = Json.readObject(function.invoke(scheduledEvent()));
      (Boolean.TRUE.equals(result.get("succeeded")) ? succeeded : failed).incrementAndGet();
      last.set(result);
    } catch (RuntimeException e) {
      // the handler reports failures itself; this is the runtime failing, said and counted
      System.err.println("pipeline check failed to run: " + e);
      failed.incrementAndGet();
    }
  }

  /** What EventBridge hands a scheduled target; the check reads none of it. */
  private byte[] scheduledEvent() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("time", clock.instant().toString());
    event.put("resources", List.of());
    event.put("detail", Map.of());
    return Json.writeBytes(event);
  }

  public long succeeded() {
    return succeeded.get();
  }

  public long failed() {
    return failed.get();
  }

  /** The last run's answer ({@code succeeded}, {@code transaction_id}, ...), none before it. */
  public Optional<Map<String, Object>> last() {
    return Optional.ofNullable(last.get());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
