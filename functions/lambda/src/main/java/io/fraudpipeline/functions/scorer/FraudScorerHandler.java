package io.fraudpipeline.functions.scorer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.fraudpipeline.functions.aws.AwsClients;
import io.fraudpipeline.functions.aws.Env;
import io.fraudpipeline.functions.aws.SnapStartPriming;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.metrics.PipelineMetrics;
import io.fraudpipeline.functions.metrics.ScoringTally;
import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The fraud scorer, invoked asynchronously by the processor with a {@link ScoringPayload}. A
 * payload it cannot read fails the invocation, so Lambda's retries and dead-letter queue see it; so
 * does a transaction of the event that could not be scored, after the others were (scoring is
 * idempotent, so the retry only finishes what failed).
 */
public final class FraudScorerHandler implements RequestStreamHandler {

  private final FraudScorer scorer;
  private final PipelineMetrics metrics;

  // held only so the CRaC context, which references it weakly, keeps it (Lambda only)
  @SuppressWarnings("unused")
  private SnapStartPriming priming;

  /** For Lambda: clients and services built once per container from the environment. */
  public FraudScorerHandler() {
    this(fromEnv(Env.system()), PipelineMetrics.fromEnv(Env.system()));
    this.priming = SnapStartPriming.register(FraudScorerHandler::prime);
  }

  /** For tests and the local mode: the same handler over any store, alert publisher and metrics. */
  public FraudScorerHandler(FraudScorer scorer, PipelineMetrics metrics) {
    this.scorer = scorer;
    this.metrics = metrics;
  }

  private static FraudScorer fromEnv(Env env) {
    // first, so the HTTP client's TLS set-up starts in the background before the rest is read
    AwsClients clients = new AwsClients(env);
    ScoringConfig config = ScoringConfig.fromEnv(env);
    String scoresTable = env.required(EnvVars.FRAUD_SCORES_TABLE);
    String topicArn = env.required(EnvVars.ALERT_TOPIC_ARN);
    return new FraudScorer(
        config,
        new DynamoDbScoreStore(clients.dynamoDb(), scoresTable),
        new SnsAlertPublisher(clients::sns, topicArn),
        Clock.systemUTC());
  }

  /**
   * Runs the SDK's DynamoDB and SNS pipelines on canned responses and the scorer's own reading and
   * writing on a canned transaction, without any AWS call.
   */
  static void prime() {
    SdkWarmUp.warmUp(DynamoDbClient.class, SnsClient.class);
    // built here rather than at class initialisation, which every cold start pays
    byte[] payload =
        ScoringPayload.toJson(
            List.of(
                new Transaction("priming", 1L, new BigDecimal("10000.5"), "crypto", null, null)));
    Transaction transaction = ScoringPayload.fromJson(payload).get(0);
    FraudRules rules = new FraudRules(ScoringConfig.defaults());
    BigDecimal score = rules.score(transaction.amount(), transaction.merchant());
    FraudScore fraudScore =
        new FraudScore(
            transaction.transactionId(),
            score,
            transaction.timestamp(),
            transaction.amount(),
            transaction.merchant(),
            0L,
            0L,
            rules.alerts(score),
            false);
    SnsAlertPublisher.message(FraudAlert.of(fraudScore, BigDecimal.ONE));
    SnsAlertPublisher.attributes(FraudAlert.of(fraudScore, BigDecimal.ONE));
    ScoringTally tally = PipelineMetrics.priming().scoring();
    count(tally, new ScoringResult(fraudScore, true, true, 1));
    tally.emit();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    output.write(Json.writeBytes(handle(input.readAllBytes())));
  }

  /**
   * Scores every transaction of one event and returns the summary the invocation answers with.
   *
   * @throws ScoringFailedException naming the transactions that could not be scored
   */
  public Map<String, Object> handle(byte[] payload) {
    List<Map<String, Object>> scored = new ArrayList<>();
    Map<String, RuntimeException> failures = new LinkedHashMap<>();
    ScoringTally tally = metrics.scoring();
    for (Transaction transaction : ScoringPayload.fromJson(payload)) {
      try {
        ScoringResult result = scorer.score(transaction);
        count(tally, result);
        scored.add(summary(result));
      } catch (RuntimeException e) {
        failures.put(transaction.transactionId(), e);
      }
    }
    // what was scored counts, even when the invocation fails for the rest
    tally.emit();
    if (!failures.isEmpty()) {
      throw new ScoringFailedException(failures, scored.size());
    }
    return Map.of("transactions", scored);
  }

  private static void count(ScoringTally tally, ScoringResult result) {
    FraudScore score = result.score();
    if (result.stored()) {
      tally.scored(score.transactionId(), score.score(), score.alertDue(), result.latencyMillis());
    } else {
      tally.duplicate(score.transactionId());
    }
    if (result.published()) {
      tally.alertPublished(score.transactionId());
    }
  }

  private static Map<String, Object> summary(ScoringResult result) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("transaction_id", result.score().transactionId());
    summary.put("fraud_score", result.score().score());
    summary.put("alert_due", result.score().alertDue());
    summary.put("stored", result.stored());
    summary.put("published", result.published());
    return summary;
  }

  /** Some transactions of an event were not scored; the others were. */
  public static final class ScoringFailedException extends RuntimeException {
    ScoringFailedException(Map<String, RuntimeException> failures, int scored) {
      super(message(failures, scored), failures.values().iterator().next());
      failures.values().stream().skip(1).forEach(this::addSuppressed);
    }

    private static String message(Map<String, RuntimeException> failures, int scored) {
      StringBuilder text =
          new StringBuilder()
              .append(failures.size())
              .append(" transaction(s) not scored (")
              .append(scored)
              .append(" scored): ");
      int shown = 0;
      for (Map.Entry<String, RuntimeException> failure : failures.entrySet()) {
        if (shown++ == 5) {
          text.append(", ...");
          break;
        }
        text.append(shown > 1 ? ", " : "")
            .append(failure.getKey())
            .append(" (")
            .append(failure.getValue().getMessage())
            .append(')');
      }
      return text.toString();
    }
  }
}
