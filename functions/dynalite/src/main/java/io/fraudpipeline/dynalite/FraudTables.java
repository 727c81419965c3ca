package io.fraudpipeline.dynalite;

import io.fraudpipeline.functions.contract.TableSchema;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The two tables of the pipeline, with the key schema, stream and TTL the operator provisions. */
public final class FraudTables {

  private FraudTables() {}

  /** Hash {@code transaction_id} S, no range key, stream of new images. */
  public static TableDefinition transactions(String tableName) {
    CreateTableRequest request =
        CreateTableRequest.builder()
            .tableName(tableName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attribute(TableSchema.TRANSACTION_ID, ScalarAttributeType.S))
            .keySchema(key(TableSchema.TRANSACTION_ID, KeyType.HASH))
            .streamSpecification(
                s ->
                    s.streamEnabled(true)
                        .streamViewType(
                            StreamViewType.fromValue(TableSchema.TRANSACTIONS_STREAM_VIEW)))
            .build();
    // only the check's synthetic transactions carry the attribute: they expire, nothing else does
    return new TableDefinition(request, Optional.of(TableSchema.EXPIRY));
  }

  /** Hash {@code transaction_id} S; items expire through the {@code expiry} TTL attribute. */
  public static TableDefinition fraudScores(String tableName) {
    CreateTableRequest request =
        CreateTableRequest.builder()
            .tableName(tableName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attribute(TableSchema.TRANSACTION_ID, ScalarAttributeType.S))
            .keySchema(key(TableSchema.TRANSACTION_ID, KeyType.HASH))
            .build();
    return new TableDefinition(request, Optional.of(TableSchema.EXPIRY));
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
