package io.fraudpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.dynalite.TableDefinition;
import io.fraudpipeline.operator.cli.PipelineReader;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The local tables are the operator's: for a pipeline with the same suffix, each Table managed
 * resource the operator renders ({@code spec.forProvider}: attribute, hashKey, rangeKey,
 * streamEnabled, streamViewType, ttl) equals the table the local pipeline created: keys and
 * attributes as Dynalite describes them, the stream and the time to live (which Dynalite does not
 * implement) as the pipeline asked for them.
 */
class TablesMatchOperatorTest {

  private static final String PIPELINE =
      """
      apiVersion: fraudpipeline.io/v1alpha1
      kind: FraudPipeline
      metadata: {name: payments, namespace: fraud-dev, uid: 5a0c1d2e-0000-4000-8000-000000000001}
      spec:
        environmentSuffix: local
        region: us-east-1
        functions:
          code: {s3Bucket: artifacts, s3Key: fraud-functions.zip}
      """;

  private static LocalPipeline pipeline;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void start() {
    pipeline = LocalPipeline.start(LocalSettings.defaults());
    dynamo = pipeline.dynalite().client();
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    pipeline.close();
  }

  /** The operator's Table MRs by AWS table name, as {@code spec.forProvider}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> operatorTables() {
    Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
    for (ManagedObject mr :
        CrossplaneBackend.INSTANCE
            .render(PipelineReader.readPipeline(PIPELINE), ObservedObjects.none())
            .desired()) {
      if (!mr.getKind().equals("Table")) {
        continue;
      }
      String awsName = mr.getMetadata().getAnnotations().get("crossplane.io/external-name");
      Map<String, Object> spec = (Map<String, Object>) mr.getAdditionalProperties().get("spec");
      tables.put(awsName, (Map<String, Object>) spec.get("forProvider"));
    }
    return tables;
  }

  /** A local table in the MR's terms, from DescribeTable and the definition it was created by. */
  private static Map<String, Object> localTable(TableDefinition definition) {
    TableDescription table = dynamo.describeTable(d -> d.tableName(definition.tableName())).table();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(
        "attribute",
        table.attributeDefinitions().stream()
            .map(a -> Map.of("name", a.attributeName(), "type", a.attributeTypeAsString()))
            .collect(Collectors.toSet()));
    fields.put("hashKey", key(table, KeyType.HASH).orElse(null));
    fields.put("rangeKey", key(table, KeyType.RANGE).orElse(null));
    // Dynalite keeps no stream settings: take them from the CreateTable request it was sent
    StreamSpecification stream = definition.createTable().streamSpecification();
    boolean streamEnabled = stream != null && Boolean.TRUE.equals(stream.streamEnabled());
    fields.put("streamEnabled", streamEnabled);
    fields.put("streamViewType", streamEnabled ? stream.streamViewTypeAsString() : null);
    fields.put(
        "ttl",
        definition.ttlAttribute().map(name -> Map.of("attributeName", name, "enabled", true)));
    return fields;
  }

  private static Optional<String> key(TableDescription table, KeyType type) {
    return table.keySchema().stream()
        .filter(k -> k.keyType() == type)
        .map(k -> k.attributeName())
        .findFirst();
  }

  /** The same fields of an MR; absent ones as the provider defaults them (no stream, no TTL). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> mrTable(Map<String, Object> forProvider) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(
        "attribute",
        Set.copyOf((List<Map<String, Object>>) forProvider.getOrDefault("attribute", List.of())));
    fields.put("hashKey", forProvider.get("hashKey"));
    fields.put("rangeKey", forProvider.get("rangeKey"));
    fields.put("streamEnabled", Boolean.TRUE.equals(forProvider.get("streamEnabled")));
    fields.put("streamViewType", forProvider.get("streamViewType"));
    fields.put("ttl", Optional.ofNullable(forProvider.get("ttl")));
    return fields;
  }

  @Test
  void eachLocalTableIsTheOperatorsTableOfTheSameName() {
    Map<String, Map<String, Object>> rendered = operatorTables();
    List<TableDefinition> local = pipeline.tables();

    assertThat(rendered.keySet())
        .containsExactlyInAnyOrderElementsOf(
            local.stream().map(TableDefinition::tableName).toList())
        .containsExactlyInAnyOrder("transactions-local", "fraud_scores-local");
    for (TableDefinition definition : local) {
      assertThat(localTable(definition))
          .as(definition.tableName())
          .isEqualTo(mrTable(rendered.get(definition.tableName())));
    }
  }

  @Test
  void theComparisonSeesTheFieldsThatMatter() {
    Map<String, Object> transactions = mrTable(operatorTables().get("transactions-local"));
    Map<String, Object> scores = mrTable(operatorTables().get("fraud_scores-local"));

    // guards against a vacuous comparison: the fields are there and differ between the tables
    assertThat(transactions)
        .containsEntry("hashKey", "transaction_id")
        .containsEntry("rangeKey", null)
        .containsEntry("streamEnabled", true)
        .containsEntry("streamViewType", "NEW_IMAGE")
        .containsEntry("ttl", Optional.of(Map.of("attributeName", "expiry", "enabled", true)));
    assertThat(scores)
        .containsEntry("rangeKey", null)
        .containsEntry("streamEnabled", false)
        .containsEntry("ttl", Optional.of(Map.of("attributeName", "expiry", "enabled", true)));
  }
}
