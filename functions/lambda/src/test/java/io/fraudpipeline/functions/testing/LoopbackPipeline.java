package io.fraudpipeline.functions.testing;

import io.fraudpipeline.functions.processor.TransactionProcessorHandler;
import io.fraudpipeline.functions.processor.api.CheckCaller;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.scorer.FraudScorer;
import io.fraudpipeline.functions.scorer.FraudScorerHandler;
import io.fraudpipeline.functions.scorer.ScoringConfig;
import io.fraudpipeline.functions.scorer.SnsAlertPublisher;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.store.DynamoDbTransactionStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The processor and the scorer as deployed, over fresh Dynalite tables, the scorer invoked through
 * a loopback Lambda endpoint and alerting through a loopback SNS endpoint, metrics recorded. The
 * stream is the test's to deliver ({@link #streamOfTable}): Dynalite has none.
 */
public final class LoopbackPipeline implements AutoCloseable {

  public final RecordedMetrics metrics = new RecordedMetrics();
  public final LocalDynamo.Tables tables = LocalDynamo.freshTables();
  public final StubAwsEndpoint sns = new StubAwsEndpoint(StubAwsEndpoint::snsPublished);
  public final FraudScorerHandler scorer;
  public final StubAwsEndpoint lambda;
  public final TransactionProcessorHandler processor;

  public LoopbackPipeline(ScoringConfig scoring, CheckCaller checkCaller) {
    scorer =
        new FraudScorerHandler(
            new FraudScorer(
                scoring,
                new DynamoDbScoreStore(LocalDynamo.client(), tables.scores()),
                new SnsAlertPublisher(sns.snsClient(), "arn:aws:sns:us-east-1:1:alerts"),
                Clock.systemUTC()),
            metrics.metrics());
    lambda =
        new StubAwsEndpoint(
            request -> {
              scorer.handle(request.body().getBytes(StandardCharsets.UTF_8));
              return StubAwsEndpoint.lambdaAccepted(request);
            });
    processor =
        Processors.over(
            new DynamoDbTransactionStore(LocalDynamo.client(), tables.transactions()),
            new DynamoDbScoreStore(LocalDynamo.client(), tables.scores()),
            StreamDispatcher.withConcurrency(lambda.scorerInvoker("fraud-scorer"), 4),
            checkCaller,
            metrics.metrics());
  }

  /** What DynamoDB Streams would deliver for the items now in the transactions table. */
  public Map<String, Object> streamOfTable() {
    List<Map<String, Object>> records = new ArrayList<>();
    int sequence = 1;
    for (Map<String, AttributeValue> item : tables.transactionItems()) {
      Map<String, Object> image = new LinkedHashMap<>();
      item.forEach(
          (name, value) ->
              image.put(name, value.s() != null ? Map.of("S", value.s()) : Map.of("N", value.n())));
      records.add(Events.streamRecord("INSERT", Integer.toString(sequence++), image));
    }
    return Events.streamBatch(records);
  }

  @Override
  public void close() {
    sns.close();
    lambda.close();
  }
}
