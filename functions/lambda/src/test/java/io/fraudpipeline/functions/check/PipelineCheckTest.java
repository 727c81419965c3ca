package io.fraudpipeline.functions.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.testing.EmfSpec;
import io.fraudpipeline.functions.testing.RecordedMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check's POST, its polling with backoff within its time, and what it reports. */
class PipelineCheckTest {

  private static final String PENDING = "{\"status\":\"pending\"}";
  private static final String SCORED = "{\"status\":\"scored\",\"fraud_score\":0.0}";

  /** A clock the test moves: each pause of the check moves it, as time would pass. */
  private static final class MovingClock extends Clock {
    private long millis = 1_765_000_000_000L;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  /** An API answering from a script, recording what it was asked. */
  private static final class ScriptedApi implements TransactionsClient {
    final Deque<Answer> gets = new ArrayDeque<>();
    Answer postAnswer = new Answer(202, "{\"status\":\"accepted\"}");
    final List<String> posted = new ArrayList<>();
    final List<String> read = new ArrayList<>();

    @Override
    public Answer post(byte[] json) {
      posted.add(new String(json, StandardCharsets.UTF_8));
      return postAnswer;
    }

    @Override
    public Answer get(String transactionId) throws IOException {
      read.add(transactionId);
      Answer next = gets.size() > 1 ? gets.poll() : gets.peek();
      if (next == null) {
        throw new IOException("connection refused");
      }
      return next;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final List<Duration> pauses = new ArrayList<>();
  private final ScriptedApi api = new ScriptedApi();
  private final RecordedMetrics metrics = new RecordedMetrics();
  private final PipelineCheck check =
      new PipelineCheck(
          api,
          metrics.metrics(),
          clock,
          pause -> {
            pauses.add(pause);
            clock.millis += pause.toMillis();
          },
          new PollSchedule(Duration.ofMillis(200), 2, Duration.ofMillis(1000)));

  @Test
  void aScoreReadBackIsASuccessTimedFromThePost() {
    api.gets.add(new TransactionsClient.Answer(200, PENDING));
    api.gets.add(new TransactionsClient.Answer(200, PENDING));
    api.gets.add(new TransactionsClient.Answer(200, SCORED));

    CheckResult result = check.run(Duration.ofSeconds(30));

    assertThat(result.succeeded()).isTrue();
    assertThat(pauses).containsExactly(millis(200), millis(400), millis(800));
    assertThat(result.latencyMillis()).isEqualTo(1400);
    Map<String, Object> sent = Json.readObject(api.posted.get(0).getBytes(StandardCharsets.UTF_8));
    assertThat((String) sent.get("transaction_id")).startsWith("synthetic-");
    assertThat(api.read).containsOnly(result.transactionId());
    assertThat(metrics.lines()).singleElement().satisfies(EmfSpec::check);
    assertThat(metrics.lines().get(0))
        .containsEntry(FraudMetrics.CHECK_SUCCEEDED, 1)
        .containsEntry(FraudMetrics.CHECK_LATENCY, 1400);
  }

  @Test
  void noScoreWithinTheTimeGivenIsAFailureAtTheDeadline() {
    api.gets.add(new TransactionsClient.Answer(200, PENDING));

    CheckResult result = check.run(Duration.ofMillis(3000));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.reason()).isEqualTo("no score within 3000 ms of the POST");
    // 200 + 400 + 800 + 1000 (the ceiling) + the 600 left
    assertThat(pauses)
        .containsExactly(millis(200), millis(400), millis(800), millis(1000), millis(600));
    assertFailureReported();
  }

  @Test
  void aRefusedPostIsAFailureSayingWhatTheApiAnswered() {
    api.postAnswer =
        new TransactionsClient.Answer(
            403, "{\"errors\":[{\"field\":\"transaction_id\",\"message\":\"reserved\"}]}");

    CheckResult result = check.run(Duration.ofSeconds(30));

    assertThat(result.reason())
        .isEqualTo(
            "POST /transactions answered 403"
                + " {\"errors\":[{\"field\":\"transaction_id\",\"message\":\"reserved\"}]}");
    assertThat(api.read).isEmpty();
    assertFailureReported();
  }

  @Test
  void aFailedReadIsAFailureAtOnce() {
    api.gets.add(new TransactionsClient.Answer(200, PENDING));
    api.gets.add(new TransactionsClient.Answer(503, "{\"message\":\"Service Unavailable\"}"));

    CheckResult result = check.run(Duration.ofSeconds(30));

    assertThat(result.reason())
        .startsWith("GET /transactions/synthetic-")
        .endsWith(" answered 503 {\"message\":\"Service Unavailable\"}");
    assertThat(api.read).hasSize(2);
    assertFailureReported();
  }

  @Test
  void aReadThatIsNotJsonIsAFailureSayingSo() {
    api.gets.add(new TransactionsClient.Answer(200, "<html>gateway</html>"));

    CheckResult result = check.run(Duration.ofSeconds(30));

    assertThat(result.reason())
        .startsWith("the check failed: GET answered a body that is not JSON");
    assertFailureReported();
  }

  @Test
  void anUnreachableApiIsAFailureNotAnException() {
    CheckResult result = check.run(Duration.ofSeconds(30));

    assertThat(result.reason()).contains("could not be reached").contains("connection refused");
    assertFailureReported();
  }

  @Test
  void theHandlerWaitsNoLongerThanTheInvocationHasLeftLessItsMargin() throws IOException {
    api.gets.add(new TransactionsClient.Answer(200, PENDING));
    Context tenSecondsLeft =
        (Context)
            Proxy.newProxyInstance(
                Context.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) ->
                    method.getName().equals("getRemainingTimeInMillis") ? 10_000 : null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new PipelineCheckHandler(check)
        .handleRequest(
            new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out, tenSecondsLeft);

    assertThat(Json.readObject(out.toByteArray()))
        .containsEntry("succeeded", false)
        .containsEntry("reason", "no score within 7000 ms of the POST");
    assertThat(pauses.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(7000);
  }

  private void assertFailureReported() {
    assertThat(metrics.lines()).singleElement().satisfies(EmfSpec::check);
    assertThat(metrics.lines().get(0))
        .containsEntry(FraudMetrics.CHECK_SUCCEEDED, 0)
        .doesNotContainKey(FraudMetrics.CHECK_LATENCY);
  }

  private static Duration millis(long millis) {
    return Duration.ofMillis(millis);
  }
}
