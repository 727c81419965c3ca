package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.Fixtures.forProvider;
import static io.fraudpipeline.operator.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.Handlers;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole stack of the seed-equivalent pipeline, once every MR is Ready, property by property.
 */
class CrossplaneStackTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FraudPipeline pipeline = Fixtures.seed();
  private final RenderedStack stack = CrossplaneBackend.INSTANCE.renderAssumingReady(pipeline);

  private ManagedObject mr(String kind, String name) {
    return stack.desired().stream()
        .filter(r -> r.getKind().equals(kind) && r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private Map<String, Object> fp(String kind, String name) {
    return forProvider(mr(kind, name));
  }

  private List<ManagedObject> ofKind(String kind) {
    return stack.desired().stream().filter(r -> r.getKind().equals(kind)).toList();
  }

  @Test
  void theSeedStackHas51ResourcesAndNothingWaits() {
    assertThat(stack.desired()).hasSize(51);
    assertThat(stack.waiting()).isEmpty();
    assertThat(stack.apiEndpoint())
        .endsWith(".execute-api.us-east-1.amazonaws.com/prod/transactions");
    assertThat(stack.dashboardUrl())
        .isEqualTo(
            "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                + "#dashboards/dashboard/fraud-pipeline-dev");
  }

  @Test
  void everyResourceIsOwnedLabelledConfiguredAndTagged() {
    assertThat(stack.desired())
        .allSatisfy(
            r -> {
              assertThat(r.getMetadata().getNamespace()).isEqualTo("fraud-dev");
              assertThat(r.getMetadata().getLabels())
                  .containsEntry(Ownership.MANAGED_BY_LABEL, "fraud-pipeline-operator")
                  .containsEntry(Ownership.PIPELINE_LABEL, "payments");
              assertThat(r.getMetadata().getOwnerReferences())
                  .singleElement()
                  .satisfies(
                      o -> {
                        assertThat(o.getController()).isTrue();
                        assertThat(o.getKind()).isEqualTo("FraudPipeline");
                        assertThat(o.getUid()).isEqualTo(pipeline.getMetadata().getUid());
                      });
              assertThat(spec(r).get("providerConfigRef"))
                  .isEqualTo(Map.of("kind", "ClusterProviderConfig", "name", "default"));
              ManagedKind kind = CrossplaneKinds.find(r.getApiVersion(), r.getKind()).orElseThrow();
              if (kind.regional()) {
                assertThat(forProvider(r)).containsEntry("region", "us-east-1");
              }
              if (kind.tagged()) {
                assertThat(forProvider(r)).containsEntry("tags", Map.of("Environment", "dev"));
              }
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void tablesKeepTheirDataUnderRetain() {
    Map<String, Object> tx = fp("Table", "payments-transactions");
    assertThat(mr("Table", "payments-transactions").getMetadata().getAnnotations())
        .containsEntry("crossplane.io/external-name", "transactions-dev");
    assertThat(tx)
        .containsEntry("hashKey", "transaction_id")
        .doesNotContainKey("rangeKey")
        .containsEntry("attribute", List.of(Map.of("name", "transaction_id", "type", "S")))
        .containsEntry("billingMode", "PAY_PER_REQUEST")
        .containsEntry("streamEnabled", true)
        .containsEntry("streamViewType", "NEW_IMAGE")
        .containsEntry("pointInTimeRecovery", Map.of("enabled", true))
        .containsEntry("deletionProtectionEnabled", true);
    Map<String, Object> scores = fp("Table", "payments-fraud-scores");
    assertThat(scores).containsEntry("ttl", Map.of("attributeName", "expiry", "enabled", true));
    for (String t : List.of("payments-transactions", "payments-fraud-scores")) {
      assertThat((List<Object>) spec(mr("Table", t)).get("managementPolicies"))
          .doesNotContain("Delete", "*");
    }
  }

  @Test
  void deadLetterQueuesAreSuffixedEncryptedAndKeptFourteenDays() {
    assertThat(ofKind("Queue"))
        .extracting(q -> forProvider(q).get("name"))
        .containsExactly("transaction-processor-dlq-dev", "fraud-scorer-dlq-dev");
    assertThat(ofKind("Queue"))
        .allSatisfy(
            q ->
                assertThat(forProvider(q))
                    .containsEntry("messageRetentionSeconds", 1209600)
                    .containsEntry("sqsManagedSseEnabled", true));
  }

  @Test
  void exactlyOneRolePerFunctionWithBasicExecutionAndXRay() throws Exception {
    assertThat(ofKind("Role"))
        .extracting(r -> r.getMetadata().getAnnotations().get("crossplane.io/external-name"))
        .containsExactly(
            "transaction-processor-role-dev", "fraud-scorer-role-dev", "pipeline-check-role-dev");
    assertThat(ofKind("RolePolicyAttachment"))
        .extracting(a -> forProvider(a).get("roleRef") + " " + forProvider(a).get("policyArn"))
        .containsExactlyInAnyOrder(
            "{name=payments-processor-role} arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "{name=payments-processor-role} arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
            "{name=payments-scorer-role} arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "{name=payments-scorer-role} arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
            "{name=payments-check-role} arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "{name=payments-check-role} arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess");
    JsonNode processor =
        JSON.readTree((String) fp("RolePolicy", "payments-processor-policy").get("policy"));
    assertThat(processor.toString())
        .contains("\"arn:aws:lambda:us-east-1:000000000000:function:fraud-scorer-dev:live\"")
        .as("invoke covers the scorer's alias only")
        .doesNotContain("function:fraud-scorer-dev\"")
        .contains("arn:aws:dynamodb:us-east-1:000000000000:table/transactions-dev/stream/")
        .contains("arn:aws:sqs:us-east-1:000000000000:transaction-processor-dlq-dev")
        .doesNotContain("\"*\"");
    assertThat(fp("RolePolicy", "payments-processor-policy").get("roleRef"))
        .isEqualTo(Map.of("name", "payments-processor-role"));
  }

  @Test
  void functionsRunTheSharedHandlersWithTheirSettingsAndLogGroups() {
    Map<String, Object> processor = fp("Function", "payments-processor");
    assertThat(processor)
        .containsEntry("handler", Handlers.PROCESSOR)
        .containsEntry("runtime", "java25")
        .containsEntry("memorySize", 512)
        .containsEntry("timeout", 60)
        .containsEntry("reservedConcurrentExecutions", 100)
        .containsEntry("architectures", List.of("x86_64"))
        .containsEntry("tracingConfig", Map.of("mode", "Active"))
        .containsEntry("s3Bucket", "my-artifacts")
        .containsEntry("roleRef", Map.of("name", "payments-processor-role"))
        .doesNotContainKey("sourceCodeHash");
    Map<String, Object> scorer = fp("Function", "payments-scorer");
    assertThat(scorer)
        .containsEntry("handler", Handlers.SCORER)
        .containsEntry("memorySize", 1024)
        .containsEntry("timeout", 120)
        .containsEntry("reservedConcurrentExecutions", 50);
    @SuppressWarnings("unchecked")
    Map<String, String> env =
        (Map<String, String>) ((Map<String, Object>) scorer.get("environment")).get("variables");
    assertThat(env)
        .containsEntry(
            EnvVars.ALERT_TOPIC_ARN, "arn:aws:sns:us-east-1:000000000000:fraud-alerts-dev");
    assertThat(ofKind("Group"))
        .extracting(g -> g.getMetadata().getAnnotations().get("crossplane.io/external-name"))
        .containsExactly(
            "/aws/lambda/transaction-processor-dev",
            "/aws/lambda/fraud-scorer-dev",
            "/aws/lambda/pipeline-check-dev");
    assertThat(ofKind("Group"))
        .allSatisfy(g -> assertThat(forProvider(g)).containsEntry("retentionInDays", 30));
  }

  @Test
  void theStreamMappingScoresInsertsOnlyAndSendsFailuresToTheProcessorQueue() {
    Map<String, Object> esm = fp("EventSourceMapping", "payments-processor-stream");
    assertThat(esm)
        .containsEntry(
            "eventSourceArn",
            "arn:aws:dynamodb:us-east-1:000000000000:table/transactions-dev/stream/2026-01-01T00:00:00.000")
        .containsEntry("functionName", PROCESSOR_ALIAS_ARN)
        .containsEntry("startingPosition", "LATEST")
        .containsEntry("batchSize", 100)
        .containsEntry("maximumRetryAttempts", 5)
        .containsEntry("maximumRecordAgeInSeconds", 3600)
        .containsEntry("parallelizationFactor", 1)
        .containsEntry("bisectBatchOnFunctionError", true)
        .containsEntry("functionResponseTypes", List.of("ReportBatchItemFailures"))
        .containsEntry(
            "filterCriteria",
            Map.of("filter", List.of(Map.of("pattern", "{\"eventName\":[\"INSERT\"]}"))))
        .containsEntry(
            "destinationConfig",
            Map.of(
                "onFailure",
                Map.of("destinationArnRef", Map.of("name", "payments-processor-dlq"))));
    assertThat(fp("FunctionEventInvokeConfig", "payments-scorer-async"))
        .containsEntry("functionName", "fraud-scorer-dev")
        .containsEntry("qualifier", "live")
        .containsEntry(
            "destinationConfig",
            Map.of("onFailure", Map.of("destinationRef", Map.of("name", "payments-scorer-dlq"))));
  }

  @Test
  void theApiProxiesBothRoutesToTheProcessorAndMayInvokeItForThoseOnly() {
    assertThat(ofKind("Resource"))
        .extracting(r -> forProvider(r).get("pathPart"))
        .containsExactly("transactions", "{transactionId}");
    assertThat(ofKind("Method"))
        .extracting(
            m -> forProvider(m).get("httpMethod") + " " + forProvider(m).get("authorization"))
        .containsExactly("POST AWS_IAM", "GET AWS_IAM");
    assertThat(ofKind("Integration"))
        .allSatisfy(
            i ->
                assertThat(forProvider(i))
                    .containsEntry("type", "AWS_PROXY")
                    .containsEntry("integrationHttpMethod", "POST")
                    .containsEntry(
                        "uri",
                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + PROCESSOR_ALIAS_ARN
                            + "/invocations"));
    List<ManagedObject> apiGrants =
        ofKind("Permission").stream()
            .filter(p -> p.getMetadata().getName().startsWith("payments-api-invoke-"))
            .toList();
    assertThat(apiGrants)
        .hasSize(2)
        .allSatisfy(
            p ->
                assertThat(forProvider(p))
                    .containsEntry("functionNameRef", Map.of("name", "payments-processor"))
                    .containsEntry("qualifier", "live"));
    String executionArn = "arn:aws:execute-api:us-east-1:000000000000:";
    assertThat(apiGrants)
        .extracting(p -> (String) forProvider(p).get("sourceArn"))
        .allSatisfy(arn -> assertThat(arn).startsWith(executionArn).doesNotEndWith("/*/*"))
        .anySatisfy(arn -> assertThat(arn).endsWith("/*/POST/transactions"))
        .anySatisfy(arn -> assertThat(arn).endsWith("/*/GET/transactions/*"));
    assertThat(fp("Stage", "payments-api-stage"))
        .containsEntry("stageName", "prod")
        .containsEntry("xrayTracingEnabled", true)
        .containsEntry(
            "deploymentIdRef", Map.of("name", ofKind("Deployment").get(0).getMetadata().getName()));
    assertThat(fp("MethodSettings", "payments-api-throttling").get("settings"))
        .isEqualTo(
            Map.of(
                "throttlingRateLimit",
                1000.0,
                "throttlingBurstLimit",
                2000,
                "metricsEnabled",
                true));
    assertThat(ofKind("UsagePlan")).isEmpty();
  }

  private static ManagedObject deploymentOf(RenderedStack stack) {
    return stack.desired().stream()
        .filter(r -> r.getKind().equals("Deployment"))
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one Deployment");
            })
        .orElseThrow();
  }

  @Test
  void aChangedMethodMakesANewDeploymentAndTheOldOneStaysUntilTheStageMoved() {
    ManagedObject before = deploymentOf(stack);
    assertThat(before.getMetadata().getName()).startsWith("payments-api-deployment-");
    assertThat(
            deploymentOf(CrossplaneBackend.INSTANCE.renderAssumingReady(Fixtures.seed()))
                .getMetadata()
                .getName())
        .as("stable while nothing changes")
        .isEqualTo(before.getMetadata().getName());

    FraudPipeline changed = Fixtures.seed();
    changed.getSpec().getApi().setAuthorization(io.fraudpipeline.api.v1alpha1.Authorization.NONE);
    // what the cluster holds: the old stack, all Ready
    ObservedObjects old =
        new ObservedObjects(
            stack.desired().stream().map(CrossplaneBackend.INSTANCE::withAssumedStatus).toList());
    RenderedStack next = CrossplaneBackend.INSTANCE.render(changed, old);

    String oldName = before.getMetadata().getName();
    assertThat(next.waiting())
        .anySatisfy(
            w ->
                assertThat(w.getName())
                    .startsWith("payments-api-deployment-")
                    .isNotEqualTo(oldName));
    assertThat(next.desired())
        .anySatisfy(r -> assertThat(r.getMetadata().getName()).isEqualTo(oldName));
    ManagedObject stage =
        next.desired().stream().filter(r -> r.getKind().equals("Stage")).findFirst().orElseThrow();
    assertThat(forProvider(stage).get("deploymentIdRef"))
        .as("the stage stays on the old one")
        .isEqualTo(Map.of("name", oldName));

    RenderedStack settled = CrossplaneBackend.INSTANCE.renderAssumingReady(changed);
    ManagedObject fresh = deploymentOf(settled);
    assertThat(fresh.getMetadata().getName()).isNotEqualTo(oldName);
    assertThat(forProvider(fresh).get("triggers"))
        .isNotEqualTo(forProvider(before).get("triggers"));
  }

  @Test
  void theZipHashRedeploysTheSameKey() {
    FraudPipeline hashed = Fixtures.seed();
    hashed.getSpec().getFunctions().getCode().setSha256(HASH);
    RenderedStack stack = CrossplaneBackend.INSTANCE.renderAssumingReady(hashed);
    assertThat(stack.desired())
        .filteredOn(r -> r.getKind().equals("Function"))
        .hasSize(3)
        .allSatisfy(f -> assertThat(forProvider(f)).containsEntry("sourceCodeHash", HASH));
  }

  private static final String PROCESSOR_ALIAS_ARN =
      "arn:aws:lambda:us-east-1:000000000000:function:transaction-processor-dev:live";

  private static final String HASH = "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=";

  @Test
  void alarmsNotifyTheAlarmTopic() {
    assertThat(ofKind("MetricAlarm"))
        .hasSize(7)
        .allSatisfy(
            a ->
                assertThat(forProvider(a))
                    .containsEntry(
                        "alarmActions",
                        List.of("arn:aws:sns:us-east-1:000000000000:fraud-pipeline-alarms-dev")));
    assertThat(
            mr("MetricAlarm", "payments-alarm-transaction-processor-errors")
                .getMetadata()
                .getAnnotations())
        .containsEntry("crossplane.io/external-name", "transaction-processor-errors-dev");
  }

  @Test
  void withoutStatusesTheDependentResourcesWaitAndSayForWhat() {
    RenderedStack first = CrossplaneBackend.INSTANCE.render(pipeline, ObservedObjects.none());

    assertThat(first.desired()).hasSize(24);
    assertThat(first.total()).isEqualTo(51);
    assertThat(first.waiting())
        .anySatisfy(
            p -> {
              assertThat(p.getKind()).isEqualTo("EventSourceMapping");
              assertThat(p.getName()).isEqualTo("payments-processor-stream");
              assertThat(p.getReason())
                  .isEqualTo(
                      "waiting for Table payments-transactions streamArn,"
                          + " Alias payments-processor-live arn");
            });
    assertThat(first.apiEndpoint()).isNull();
  }

  @Test
  void variantsSwitchKindsAndFieldsAsTheSpecSays() {
    RenderedStack variants =
        CrossplaneBackend.INSTANCE.renderAssumingReady(Fixtures.pipeline("variants"));
    var byKind =
        variants.desired().stream()
            .collect(java.util.stream.Collectors.groupingBy(ManagedObject::getKind));

    assertThat(byKind.get("UsagePlan")).hasSize(1);
    assertThat(byKind.get("APIKey")).hasSize(1);
    assertThat(byKind.get("UsagePlanKey")).hasSize(1);
    assertThat(byKind.get("TopicSubscription")).hasSize(3);
    assertThat(byKind.get("Method"))
        .allSatisfy(
            m ->
                assertThat(forProvider(m))
                    .containsEntry("apiKeyRequired", true)
                    .containsEntry("authorization", "NONE"));
    assertThat(byKind.get("Function"))
        .allSatisfy(
            f ->
                assertThat(forProvider(f))
                    .containsEntry("packageType", "Image")
                    .containsEntry("architectures", List.of("arm64"))
                    .doesNotContainKeys("handler", "runtime", "s3Bucket"));
    assertThat(byKind.get("Table"))
        .allSatisfy(
            t -> {
              assertThat(spec(t).get("managementPolicies")).isEqualTo(List.of("*"));
              assertThat(forProvider(t)).containsEntry("deletionProtectionEnabled", false);
            });
    assertThat(byKind.get("Table"))
        .allSatisfy(
            t ->
                assertThat(forProvider(t).get("tags"))
                    .isEqualTo(
                        Map.of("team", "payments", "cost-center", "42", "Environment", "prod-eu")));
    assertThat(spec(byKind.get("Queue").get(0)).get("providerConfigRef"))
        .isEqualTo(Map.of("kind", "ProviderConfig", "name", "aws-prod"));
  }
}
