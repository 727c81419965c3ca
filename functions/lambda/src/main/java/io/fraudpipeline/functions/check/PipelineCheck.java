package io.fraudpipeline.functions.check;

import io.fraudpipeline.functions.contract.Synthetic;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.log.JsonLog;
import io.fraudpipeline.functions.metrics.PipelineMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pipeline's end-to-end check: sends one synthetic transaction through the API as a client
 * would, reads it back until it has a score or the time given runs out, and reports success (1 or
 * 0) and the time from POST to score as metrics. A failure is a 0 and one log line saying why,
 * never an exception: the schedule would retry it, and the alarm reads the 0.
 */
public final class PipelineCheck {

  /** What the check's transaction is sold by; a merchant no default rule matches. */
  static final String MERCHANT = "fraud-pipeline-check";

  private static final JsonLog LOG = JsonLog.of(PipelineCheck.class);
  private static final int MAX_REASON_CHARS = 200;

  /** Pauses the check between reads; {@code Thread::sleep} but in tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }

  private final TransactionsClient api;
  private final PipelineMetrics metrics;
  private final Clock clock;
  private final Sleeper sleeper;
  private final PollSchedule schedule;

  public PipelineCheck(
      TransactionsClient api,
      PipelineMetrics metrics,
      Clock clock,
      Sleeper sleeper,
      PollSchedule schedule) {
    this.api = api;
    this.metrics = metrics;
    this.clock = clock;
    this.sleeper = sleeper;
    this.schedule = schedule;
  }

  /** Over the system clock, sleeping for real, with the default schedule. */
  public PipelineCheck(TransactionsClient api, PipelineMetrics metrics) {
    this(
        api,
        metrics,
        Clock.systemUTC(),
        pause -> Thread.sleep(pause.toMillis()),
        PollSchedule.DEFAULT);
  }

  /**
   * Runs the check once and records its metrics.
   *
   * @param budget how long it may wait for the score after its POST
   */
  public CheckResult run(Duration budget) {
    String id = newId();
    CheckResult result;
    try {
      result = sendAndWait(id, budget);
    } catch (IOException e) {
      result = CheckResult.failure(id, "the API could not be reached: " + e);
    } catch (RuntimeException e) {
      result = CheckResult.failure(id, "the check failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = CheckResult.failure(id, "interrupted while waiting for the score");
    }
    metrics.check(result.succeeded(), result.latencyMillis());
    if (result.succeeded()) {
      LOG.info("pipeline check succeeded", id, "latency_ms", result.latencyMillis());
    } else {
      LOG.warn("pipeline check failed", id, "reason", result.reason());
    }
    return result;
  }

  private CheckResult sendAndWait(String id, Duration budget)
      throws IOException, InterruptedException {
    long start = clock.millis();
    long deadline = start + budget.toMillis();
    TransactionsClient.Answer posted = api.post(body(id, start));
    if (posted.status() != 202) {
      return CheckResult.failure(id, "POST /transactions answered " + describe(posted));
    }
    Duration pause = schedule.first();
    while (true) {
      long now = clock.millis();
      if (now >= deadline) {
        return CheckResult.failure(id, "no score within " + budget.toMillis() + " ms of the POST");
      }
      sleeper.sleep(Duration.ofMillis(Math.min(pause.toMillis(), deadline - now)));
      TransactionsClient.Answer read = api.get(id);
      if (!read.ok()) {
        return CheckResult.failure(id, "GET /transactions/" + id + " answered " + describe(read));
      }
      if (isScored(read)) {
        return CheckResult.success(id, clock.millis() - start);
      }
      pause = schedule.next(pause);
    }
  }

  private static boolean isScored(TransactionsClient.Answer read) {
    try {
      Map<String, Object> body = Json.readObject(read.body().getBytes(StandardCharsets.UTF_8));
      return "scored".equals(body.get("status")) && body.get("fraud_score") != null;
    } catch (Json.JsonInputException e) {
      throw new IllegalStateException("GET answered a body that is not JSON: " + e.getMessage());
    }
  }

  private static String describe(TransactionsClient.Answer answer) {
    String body = answer.body() == null ? "" : answer.body().strip().replaceAll("\\s+", " ");
    return answer.status()
        + (body.isEmpty()
            ? ""
            : " "
                + (body.length() > MAX_REASON_CHARS
                    ? body.substring(0, MAX_REASON_CHARS) + "..."
                    : body));
  }

  /** A fresh id: the time, for reading logs, and a random part, so two runs never collide. */
  private String newId() {
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    return Synthetic.ID_PREFIX + clock.millis() + "-" + HexFormat.of().formatHex(random);
  }

  private static byte[] body(String id, long nowMillis) {
    Map<String, Object> transaction = new LinkedHashMap<>();
    transaction.put("transaction_id", id);
    transaction.put("timestamp", nowMillis / 1000);
    transaction.put("amount", 1);
    transaction.put("merchant", MERCHANT);
    return Json.writeBytes(transaction);
  }
}
