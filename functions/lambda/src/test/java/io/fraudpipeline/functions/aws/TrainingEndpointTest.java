package io.fraudpipeline.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.processor.stream.LambdaScorerInvoker;
import io.fraudpipeline.functions.scorer.FraudAlert;
import io.fraudpipeline.functions.scorer.SnsAlertPublisher;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.store.DynamoDbTransactionStore;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The AOT training's endpoint answers as AWS answers success, so the real clients take the success
 * path a first event takes (and the training profiles that path, not a connection error).
 */
class TrainingEndpointTest {

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("training", "training"));

  private static URI freeLoopback() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  @Test
  void dynamoDbSnsAndTheAsynchronousInvokeAllSucceedAgainstIt() throws Exception {
    URI uri = freeLoopback();
    Transaction transaction =
        new Transaction("training", 1700000000L, new BigDecimal("25000"), "crypto", null, null);
    try (TrainingEndpoint endpoint = TrainingEndpoint.serve(uri.toString());
        SdkHttpClient http = UrlConnectionHttpClient.create();
        DynamoDbClient dynamoDb =
            DynamoDbClient.builder()
                .endpointOverride(uri)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClient(http)
                .build();
        SnsClient sns =
            SnsClient.builder()
                .endpointOverride(uri)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClient(http)
                .build()) {
      assertThat(endpoint).isNotNull();

      assertThat(new DynamoDbTransactionStore(dynamoDb, "transactions").putIfAbsent(transaction))
          .isEmpty();
      DynamoDbScoreStore scores = new DynamoDbScoreStore(dynamoDb, "fraud_scores");
      FraudScore score =
          new FraudScore(
              "training", new BigDecimal("0.9"), 1L, BigDecimal.TEN, "crypto", 1L, 2L, true, false);
      assertThat(scores.putIfAbsent(score)).isTrue();
      assertThat(scores.claimAlert("training")).isTrue();
      assertThat(scores.find("training")).isEmpty();
      new SnsAlertPublisher(sns, "arn:aws:sns:us-east-1:000000000000:training")
          .publish(FraudAlert.of(score, new BigDecimal("0.8")));
      new LambdaScorerInvoker(http, CREDENTIALS, Region.US_EAST_1, uri, "fraud-scorer:live")
          .invoke(List.of(transaction));
    }
  }

  @Test
  void servesOnlyALoopbackHttpEndpoint() throws Exception {
    assertThat(TrainingEndpoint.serve(null)).isNull();
    assertThat(TrainingEndpoint.serve("https://127.0.0.1:4599")).isNull();
    assertThat(TrainingEndpoint.serve("http://127.0.0.1")).isNull();
    assertThat(TrainingEndpoint.serve("http://192.0.2.1:4599")).isNull();
  }
}
