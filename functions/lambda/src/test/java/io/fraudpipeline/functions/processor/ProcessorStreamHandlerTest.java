package io.fraudpipeline.functions.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.testing.Events;
import io.fraudpipeline.functions.testing.Processors;
import io.fraudpipeline.functions.testing.RecordedMetrics;
import io.fraudpipeline.functions.testing.SigV4Check;
import io.fraudpipeline.functions.testing.StubAwsEndpoint;
import io.fraudpipeline.functions.testing.StubAwsEndpoint.Response;
import io.fraudpipeline.functions.testing.UntouchableStores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stream half of the processor: the real Lambda client sends asynchronous invokes to a loopback
 * endpoint that checks each request as Lambda would receive it.
 */
class ProcessorStreamHandlerTest {

  private static final String SCORER = "fraud-scorer-test";

  private final StubAwsEndpoint lambda = new StubAwsEndpoint(StubAwsEndpoint::lambdaAccepted);
  private final TransactionProcessorHandler handler =
      Processors.over(
          UntouchableStores.transactions(),
          UntouchableStores.scores(),
          StreamDispatcher.withConcurrency(lambda.scorerInvoker(SCORER), 8),
          new RecordedMetrics().metrics());

  @AfterEach
  void stop() {
    lambda.close();
  }

  private Map<String, Object> call(Map<String, Object> event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(Events.bytes(event)), out, null);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return Json.readObject(out.toByteArray());
  }

  @SuppressWarnings("unchecked")
  private static List<String> failures(Map<String, Object> response) {
    return ((List<Map<String, Object>>) response.get("batchItemFailures"))
        .stream().map(f -> (String) f.get("itemIdentifier")).toList();
  }

  private static List<Transaction> payload(StubAwsEndpoint.Request request) {
    return ScoringPayload.fromJson(request.body().getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> ids(StubAwsEndpoint.Request request) {
    return payload(request).stream().map(Transaction::transactionId).toList();
  }

  @Test
  void invokesTheScorerAsynchronouslyWithTheExactTransaction() {
    Map<String, Object> response =
        call(
            Events.streamBatch(
                List.of(
                    Events.streamRecord(
                        "INSERT",
                        "100",
                        Events.image("t-1", 1700000000L, "10000.000001", "Crypto Ltd")))));

    assertThat(failures(response)).isEmpty();
    StubAwsEndpoint.Request invoke = lambda.requests().get(0);
    assertThat(invoke.method()).isEqualTo("POST");
    assertThat(invoke.path()).isEqualTo("/2015-03-31/functions/" + SCORER + "/invocations");
    assertThat(invoke.header("X-Amz-Invocation-Type")).isEqualTo("Event");
    // SigV4 for the lambda service in the client's region, over the headers Lambda reads
    assertThat(invoke.header("Authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=test/")
        .contains("/us-east-1/lambda/aws4_request")
        .containsPattern("SignedHeaders=[^,]*host[^,]*x-amz-date[^,]*x-amz-invocation-type");
    assertThat(invoke.header("Content-Type")).isEqualTo("application/json");
    assertThat(SigV4Check.verify(invoke, "test")).isEqualTo("lambda");
    assertThatThrownBy(() -> SigV4Check.verify(invoke, "another secret"))
        .hasMessageContaining("does not match");
    Transaction sent = payload(invoke).get(0);
    assertThat(sent.transactionId()).isEqualTo("t-1");
    assertThat(sent.timestamp()).isEqualTo(1700000000L);
    assertThat(sent.amount().toPlainString()).isEqualTo("10000.000001");
    assertThat(sent.merchant()).isEqualTo("Crypto Ltd");
    assertThat(invoke.body()).contains("\"amount\":\"10000.000001\"");
  }

  @Test
  void dispatchesOnlyInserts() {
    Map<String, Object> response =
        call(
            Events.streamBatch(
                List.of(
                    Events.streamRecord("MODIFY", "1", Events.image("t-m", 1L, "1", "a")),
                    Events.streamRecord("REMOVE", "2", null),
                    Events.streamRecord("INSERT", "3", Events.image("t-i", 1L, "1", "a")))));

    assertThat(failures(response)).isEmpty();
    assertThat(lambda.requests())
        .singleElement()
        .satisfies(r -> assertThat(ids(r)).containsExactly("t-i"));
  }

  @Test
  void aBatchIsOneInvokeAndAnUnreadableRecordFailsAlone() {
    List<Map<String, Object>> records = new java.util.ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      records.add(
          Events.streamRecord("INSERT", Integer.toString(i), Events.image("t-" + i, 1L, "1", "a")));
    }
    records.set(
        41, Events.streamRecord("INSERT", "42", Map.of("transaction_id", Map.of("S", "x"))));

    Map<String, Object> response = call(Events.streamBatch(records));

    assertThat(failures(response)).containsExactly("42");
    assertThat(lambda.requests()).singleElement().satisfies(r -> assertThat(ids(r)).hasSize(99));
  }

  @Test
  void anEventTheScorerDoesNotTakeFailsEachOfItsRecordsInBatchOrder() {
    lambda.respondWith(
        request ->
            new Response(
                429,
                "application/json",
                "{\"__type\":\"TooManyRequestsException\",\"message\":\"Rate exceeded\"}"));
    Map<String, Object> unreadable =
        Events.streamRecord("INSERT", "13", Map.of("transaction_id", Map.of("S", "t-x")));

    Map<String, Object> response =
        call(
            Events.streamBatch(
                List.of(
                    Events.streamRecord("INSERT", "11", Events.image("t-1", 1L, "1", "a")),
                    Events.streamRecord("MODIFY", "12", Events.image("t-m", 1L, "1", "a")),
                    unreadable,
                    Events.streamRecord("INSERT", "14", Events.image("t-2", 1L, "1", "a")))));

    assertThat(failures(response)).containsExactly("11", "13", "14");
    assertThat(lambda.requests())
        .singleElement()
        .satisfies(r -> assertThat(ids(r)).containsExactly("t-1", "t-2"));
  }

  @Test
  void refusesEventsOfAnotherKind() {
    assertThatThrownBy(() -> handler.handle(Map.of("detail-type", "Scheduled Event")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported event");
    assertThatThrownBy(
            () ->
                handler.handle(
                    Events.streamBatch(
                        List.of(Map.of("eventName", "INSERT", "dynamodb", Map.of())))))
        .hasMessageContaining("SequenceNumber");
  }
}
