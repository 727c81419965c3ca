package io.fraudpipeline.functions.scorer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.fraudpipeline.functions.aws.AwsClients;
import io.fraudpipeline.functions.aws.Env;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fraud scorer, invoked asynchronously by the processor with a {@link ScoringPayload}. A
 * payload it cannot read fails the invocation, so Lambda's retries and dead-letter queue see it.
 */
public final class FraudScorerHandler implements RequestStreamHandler {

  private final FraudScorer scorer;

  /** For Lambda: clients and services built once per container from the environment. */
  public FraudScorerHandler() {
    this(fromEnv(Env.system()));
  }

  /** For tests and the local mode: the same handler over any store and alert publisher. */
  public FraudScorerHandler(FraudScorer scorer) {
    this.scorer = scorer;
  }

  private static FraudScorer fromEnv(Env env) {
    ScoringConfig config = ScoringConfig.fromEnv(env);
    String scoresTable = env.required(EnvVars.FRAUD_SCORES_TABLE);
    String topicArn = env.required(EnvVars.ALERT_TOPIC_ARN);
    AwsClients clients = new AwsClients(env);
    return new FraudScorer(
        config,
        new DynamoDbScoreStore(clients.dynamoDb(), scoresTable),
        new SnsAlertPublisher(clients.sns(), topicArn),
        Clock.systemUTC());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    output.write(Json.writeBytes(handle(input.readAllBytes())));
  }

  /** Scores one payload and returns the summary the invocation answers with. */
  public Map<String, Object> handle(byte[] payload) {
    ScoringResult result = scorer.score(ScoringPayload.fromJson(payload));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("transaction_id", result.score().transactionId());
    summary.put("fraud_score", result.score().score());
    summary.put("alert_due", result.score().alertDue());
    summary.put("stored", result.stored());
    summary.put("published", result.published());
    return summary;
  }
}
