package io.fraudpipeline.dynalite;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * One table as the operator provisions it: the CreateTable request (keys, billing, stream) and the
 * time-to-live attribute, which DynamoDB sets with a separate call.
 */
public record TableDefinition(CreateTableRequest createTable, Optional<String> ttlAttribute) {

  private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(10);

  public String tableName() {
    return createTable.tableName();
  }

  /** The names of the key attributes, hash key first: what a stream record's {@code Keys} hold. */
  public List<String> keyAttributes() {
    return createTable.keySchema().stream().map(KeySchemaElement::attributeName).toList();
  }

  /**
   * Creates the table unless it exists, waits until it is ACTIVE and enables its time to live.
   *
   * @return whether the engine accepted the time-to-live setting (Dynalite does not implement it)
   */
  public boolean createIn(DynamoDbClient client) {
    try {
      client.createTable(createTable);
    } catch (ResourceInUseException exists) {
      // already there, e.g. a persistent local store: keep its data
    }
    awaitActive(client);
    requireSameKeys(client);
    return ttlAttribute.map(attribute -> enableTimeToLive(client, attribute)).orElse(false);
  }

  private void awaitActive(DynamoDbClient client) {
    Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
    while (client.describeTable(b -> b.tableName(tableName())).table().tableStatus()
        != TableStatus.ACTIVE) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(tableName() + " is not ACTIVE after " + ACTIVE_TIMEOUT);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + tableName(), e);
      }
    }
  }

  /** A table kept from an older layout (e.g. in a local data directory) must not be used as is. */
  private void requireSameKeys(DynamoDbClient client) {
    List<KeySchemaElement> existing =
        client.describeTable(b -> b.tableName(tableName())).table().keySchema();
    if (!existing.equals(createTable.keySchema())) {
      throw new IllegalStateException(
          "table "
              + tableName()
              + " exists with the key "
              + describe(existing)
              + " but this version needs "
              + describe(createTable.keySchema())
              + "; remove its data (e.g. the local mode's data directory) and start again");
    }
  }

  private static String describe(List<KeySchemaElement> keys) {
    return keys.stream()
        .map(k -> k.attributeName() + " (" + k.keyTypeAsString() + ")")
        .collect(Collectors.joining(", "));
  }

  private boolean enableTimeToLive(DynamoDbClient client, String attribute) {
    try {
      client.updateTimeToLive(
          b ->
              b.tableName(tableName())
                  .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
      return true;
    } catch (DynamoDbException e) {
      if (isUnsupported(e)) {
        return false;
      }
      throw e;
    }
  }

  private static boolean isUnsupported(DynamoDbException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return code != null && code.contains("UnknownOperation");
  }
}
