package io.fraudpipeline.functions.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.testing.LocalDynamo;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbStoresTest {

  private final LocalDynamo.Tables tables = LocalDynamo.freshTables();
  private final TransactionStore transactions =
      new DynamoDbTransactionStore(LocalDynamo.client(), tables.transactions());
  private final ScoreStore scores = new DynamoDbScoreStore(LocalDynamo.client(), tables.scores());

  private static Transaction transaction(String id, long timestamp, String amount) {
    return new Transaction(id, timestamp, new BigDecimal(amount), "Amazon", "EUR", "card-7");
  }

  @Test
  void storesTheAmountAsAnExactNumber() {
    Transaction t = transaction("t-1", 1700000000L, "12345678901234567890.123456789012345678");

    assertThat(transactions.putIfAbsent(t)).isEmpty();

    Map<String, AttributeValue> item =
        LocalDynamo.client()
            .getItem(
                g ->
                    g.tableName(tables.transactions())
                        .key(Map.of(TableSchema.TRANSACTION_ID, AttributeValue.fromS("t-1"))))
            .item();
    assertThat(item.get("amount").n()).isEqualTo("12345678901234567890.123456789012345678");
    assertThat(transactions.find("t-1"))
        .hasValueSatisfying(found -> assertThat(found).isEqualTo(t));
  }

  @Test
  void neverOverwritesAKeyAndHandsBackTheStoredTransaction() {
    Transaction first = transaction("t-2", 1L, "10");
    Transaction other = transaction("t-2", 1L, "99");

    assertThat(transactions.putIfAbsent(first)).isEmpty();
    assertThat(transactions.putIfAbsent(other)).contains(first);

    assertThat(transactions.find("t-2")).contains(first);
    assertThat(tables.transactionCount()).isEqualTo(1);
  }

  @Test
  void theIdAloneIsTheKeySoAnotherTimestampIsNoSecondItem() {
    Transaction first = transaction("t-4", 1700000000L, "10");
    Transaction later = transaction("t-4", 1700000001L, "10");

    assertThat(transactions.putIfAbsent(first)).isEmpty();
    assertThat(transactions.putIfAbsent(later)).contains(first);

    assertThat(tables.transactionCount()).isEqualTo(1);
  }

  @Test
  void findsByIdWhateverTheTimestamp() {
    transactions.putIfAbsent(transaction("t-3", 42L, "1"));

    assertThat(transactions.find("t-3"))
        .hasValueSatisfying(t -> assertThat(t.timestamp()).isEqualTo(42L));
    assertThat(transactions.find("t-unknown")).isEmpty();
  }

  @Test
  void keepsTheFirstScoreWithItsExpiry() {
    FraudScore first =
        new FraudScore(
            "t-4",
            new BigDecimal("0.9"),
            1L,
            new BigDecimal("20000"),
            "crypto",
            100L,
            200L,
            true,
            false);
    FraudScore second =
        new FraudScore(
            "t-4",
            new BigDecimal("0.3"),
            1L,
            new BigDecimal("6000"),
            "shop",
            101L,
            201L,
            false,
            false);

    assertThat(scores.putIfAbsent(first)).isTrue();
    assertThat(scores.putIfAbsent(second)).isFalse();

    assertThat(scores.find("t-4")).contains(first);
    Map<String, AttributeValue> item =
        LocalDynamo.client()
            .getItem(
                g ->
                    g.tableName(tables.scores())
                        .key(Map.of(TableSchema.TRANSACTION_ID, AttributeValue.fromS("t-4"))))
            .item();
    assertThat(item.get(TableSchema.EXPIRY).n()).isEqualTo("200");
    assertThat(scores.find("t-none")).isEmpty();
  }

  @Test
  void grantsAnAlertClaimOnceUntilReleased() {
    scores.putIfAbsent(
        new FraudScore(
            "t-5", new BigDecimal("0.9"), 1L, BigDecimal.ONE, "crypto", 1L, 2L, true, false));

    assertThat(scores.claimAlert("t-5")).isTrue();
    assertThat(scores.claimAlert("t-5")).isFalse();
    assertThat(scores.find("t-5").orElseThrow().alerted()).isTrue();

    scores.releaseAlert("t-5");
    assertThat(scores.find("t-5").orElseThrow().alerted()).isFalse();
    assertThat(scores.claimAlert("t-5")).isTrue();
    // no score, no claim, and no item created by trying
    assertThat(scores.claimAlert("t-missing")).isFalse();
    assertThat(tables.scoreCount()).isEqualTo(1);
  }
}
