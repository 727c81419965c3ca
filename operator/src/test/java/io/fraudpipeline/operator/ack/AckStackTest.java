package io.fraudpipeline.operator.ack;

import static io.fraudpipeline.operator.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.DeletionPolicy;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FunctionCode;
import io.fraudpipeline.api.v1alpha1.StartingPosition;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.Handlers;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ACK stack of the seed-equivalent pipeline, once every object is synced, property by property.
 */
class AckStackTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "000000000000";

  private final FraudPipeline pipeline = ack(Fixtures.seed());
  private final RenderedStack stack = AckBackend.INSTANCE.renderAssumingReady(pipeline);

  static FraudPipeline ack(FraudPipeline p) {
    p.getSpec().setBackend(Backend.ACK);
    return p;
  }

  private static ManagedObject in(RenderedStack stack, String kind, String name) {
    return stack.desired().stream()
        .filter(r -> r.getKind().equals(kind) && r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private ManagedObject obj(String kind, String name) {
    return in(stack, kind, name);
  }

  private Map<String, Object> sp(String kind, String name) {
    return spec(obj(kind, name));
  }

  private List<ManagedObject> ofKind(String kind) {
    return stack.desired().stream().filter(r -> r.getKind().equals(kind)).toList();
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object tree, String... path) {
    Object current = tree;
    for (String key : path) {
      current = ((Map<String, Object>) current).get(key);
    }
    return (T) current;
  }

  @Test
  void theSeedStackHas37ObjectsNothingWaitsAndThrottlingIsReported() {
    assertThat(stack.desired()).hasSize(37);
    assertThat(stack.waiting()).isEmpty();
    assertThat(stack.apiEndpoint())
        .matches(
            "https://[0-9a-f]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com/prod/transactions");
    assertThat(stack.alertTopicArn())
        .isEqualTo("arn:aws:sns:us-east-1:" + ACCOUNT + ":fraud-alerts-dev");
    assertThat(stack.dashboardUrl())
        .isEqualTo(
            "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                + "#dashboards/dashboard/fraud-pipeline-dev");
    assertThat(stack.unsupported())
        .extracting(u -> u.getField())
        .containsExactly("spec.functions.code.sha256", "spec.api.throttling");
    assertThat(stack.unsupported().get(1).getReason())
        .contains("rate 1000.0/s, burst 2000")
        .contains("UpdateStage");
  }

  @Test
  void everyObjectIsOwnedLabelledRegionalAndACK() {
    assertThat(stack.desired())
        .allSatisfy(
            r -> {
              assertThat(r.getApiVersion()).endsWith(".services.k8s.aws/v1alpha1");
              assertThat(r.getMetadata().getNamespace()).isEqualTo("fraud-dev");
              assertThat(r.getMetadata().getName()).startsWith("payments-");
              assertThat(r.getMetadata().getLabels())
                  .containsEntry(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY)
                  .containsEntry(Ownership.PIPELINE_LABEL, "payments");
              assertThat(r.getMetadata().getOwnerReferences())
                  .singleElement()
                  .satisfies(o -> assertThat(o.getController()).isTrue());
              assertThat(r.getMetadata().getAnnotations())
                  .containsEntry("services.k8s.aws/region", "us-east-1");
              assertThat(spec(r)).doesNotContainKeys("forProvider", "providerConfigRef", "region");
            });
  }

  @Test
  void tagsTakeEachKindsShape() {
    assertThat(sp("Table", "payments-transactions").get("tags"))
        .isEqualTo(List.of(Map.of("key", "Environment", "value", "dev")));
    assertThat(sp("Queue", "payments-processor-dlq").get("tags"))
        .isEqualTo(Map.of("Environment", "dev"));
    assertThat(sp("Function", "payments-scorer").get("tags"))
        .isEqualTo(Map.of("Environment", "dev"));
    assertThat(sp("Role", "payments-scorer-role").get("tags"))
        .isEqualTo(List.of(Map.of("key", "Environment", "value", "dev")));
    for (String kind : List.of("Alias", "Resource", "Method", "Integration", "Deployment")) {
      assertThat(ofKind(kind)).allSatisfy(r -> assertThat(spec(r)).doesNotContainKey("tags"));
    }
  }

  @Test
  void retainedTablesAreProtectedKeptAndAdoptedWhenDeclaredAgain() {
    ManagedObject table = obj("Table", "payments-transactions");
    assertThat(spec(table))
        .containsEntry("tableName", "transactions-dev")
        .containsEntry("billingMode", "PAY_PER_REQUEST")
        .containsEntry("deletionProtectionEnabled", true)
        .containsEntry(
            "keySchema", List.of(Map.of("attributeName", "transaction_id", "keyType", "HASH")))
        .containsEntry(
            "attributeDefinitions",
            List.of(Map.of("attributeName", "transaction_id", "attributeType", "S")))
        .containsEntry(
            "streamSpecification", Map.of("streamEnabled", true, "streamViewType", "NEW_IMAGE"))
        .containsEntry("continuousBackups", Map.of("pointInTimeRecoveryEnabled", true));
    assertThat(table.getMetadata().getAnnotations())
        .containsEntry("services.k8s.aws/deletion-policy", "retain")
        .containsEntry("services.k8s.aws/adoption-policy", "adopt-or-create")
        .containsEntry("services.k8s.aws/adoption-fields", "{\"tableName\":\"transactions-dev\"}");
    assertThat(sp("Table", "payments-fraud-scores"))
        .containsEntry("tableName", "fraud_scores-dev")
        .containsEntry("timeToLive", Map.of("attributeName", "expiry", "enabled", true))
        .doesNotContainKey("streamSpecification");
  }

  @Test
  void deleteTurnsProtectionOffAndAsksForDeletionOnlyOnceTheTableReportsItOff() {
    FraudPipeline delete = ack(Fixtures.seed());
    delete.getSpec().setDeletionPolicy(DeletionPolicy.DELETE);
    // a table still protected in the cluster (the pipeline was Retain until now)
    GenericKubernetesResource protectedTable =
        AckBackend.INSTANCE.withAssumedStatus(obj("Table", "payments-transactions"));

    RenderedStack switching =
        AckBackend.INSTANCE.render(delete, new ObservedObjects(List.of(protectedTable)));
    ManagedObject table = in(switching, "Table", "payments-transactions");
    assertThat(spec(table)).containsEntry("deletionProtectionEnabled", false);
    assertThat(table.getMetadata().getAnnotations())
        .as("protection is still on in AWS: a DeleteTable now would be refused")
        .containsEntry("services.k8s.aws/deletion-policy", "retain");

    GenericKubernetesResource unprotected = AckBackend.INSTANCE.withAssumedStatus(table);
    ManagedObject after =
        in(
            AckBackend.INSTANCE.render(delete, new ObservedObjects(List.of(unprotected))),
            "Table",
            "payments-transactions");
    assertThat(after.getMetadata().getAnnotations())
        .containsEntry("services.k8s.aws/deletion-policy", "delete");
  }

  @Test
  void queuesTopicsAndLogGroupsSpellAttributesAsAckDoes() {
    assertThat(sp("Queue", "payments-scorer-dlq"))
        .containsEntry("queueName", "fraud-scorer-dlq-dev")
        .containsEntry("messageRetentionPeriod", "1209600")
        .containsEntry("sqsManagedSSEEnabled", "true");
    assertThat(sp("Topic", "payments-alerts")).containsEntry("name", "fraud-alerts-dev");
    assertThat(sp("Topic", "payments-alarms")).containsEntry("name", "fraud-pipeline-alarms-dev");
    ManagedObject logs = obj("LogGroup", "payments-processor-logs");
    assertThat(spec(logs))
        .containsEntry("name", "/aws/lambda/transaction-processor-dev")
        .containsEntry("retentionDays", 30);
    assertThat(logs.getMetadata().getAnnotations())
        .containsEntry("services.k8s.aws/adoption-policy", "adopt-or-create");
  }

  @Test
  void rolesAttachTheManagedPoliciesAndCarryTheLeastPrivilegeInlinePolicy() throws Exception {
    Map<String, Object> role = sp("Role", "payments-processor-role");
    assertThat(role)
        .containsEntry("name", "transaction-processor-role-dev")
        .containsEntry(
            "policies",
            List.of(
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"));
    assertThat(JSON.readTree((String) role.get("assumeRolePolicyDocument")).toString())
        .contains("lambda.amazonaws.com");
    Map<String, String> inline = at(role, "inlinePolicies");
    JsonNode doc = JSON.readTree(inline.get("transaction-processor-policy-dev"));
    List<String> resources = new ArrayList<>();
    doc.get("Statement").forEach(s -> s.get("Resource").forEach(r -> resources.add(r.asText())));
    assertThat(resources)
        .containsExactly(
            "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/transactions-dev",
            "arn:aws:dynamodb:us-east-1:"
                + ACCOUNT
                + ":table/transactions-dev/stream/2026-01-01T00:00:00.000",
            "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/fraud_scores-dev",
            "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:fraud-scorer-dev:live",
            "arn:aws:sqs:us-east-1:" + ACCOUNT + ":transaction-processor-dlq-dev");
    Map<String, String> scorer = at(sp("Role", "payments-scorer-role"), "inlinePolicies");
    assertThat(scorer.get("fraud-scorer-policy-dev"))
        .contains("sns:Publish")
        .contains(":fraud-alerts-dev");
  }

  @Test
  void functionsPublishSnapStartVersionsAndCallEachOtherThroughTheLiveAlias() {
    Map<String, Object> processor = sp("Function", "payments-processor");
    assertThat(processor)
        .containsEntry("name", "transaction-processor-dev")
        .containsEntry("packageType", "Zip")
        .containsEntry("runtime", "java25")
        .containsEntry("handler", Handlers.PROCESSOR)
        .containsEntry("publish", true)
        .containsEntry("snapStart", Map.of("applyOn", "PublishedVersions"))
        .containsEntry("memorySize", 512)
        .containsEntry("timeout", 60)
        .containsEntry("reservedConcurrentExecutions", 100)
        .containsEntry("architectures", List.of("x86_64"))
        .containsEntry("tracingConfig", Map.of("mode", "Active"))
        .containsEntry("roleRef", Map.of("from", Map.of("name", "payments-processor-role")));
    assertThat(processor.get("code"))
        .isEqualTo(
            Map.of(
                "s3Bucket", "my-artifacts", "s3Key", "fraud-functions/0.1.0/fraud-functions.zip"));
    Map<String, String> env = at(processor, "environment", "variables");
    assertThat(env).containsEntry(EnvVars.SCORER_FUNCTION_NAME, "fraud-scorer-dev:live");
    Map<String, String> scorerEnv =
        at(sp("Function", "payments-scorer"), "environment", "variables");
    assertThat(scorerEnv)
        .containsEntry(
            EnvVars.ALERT_TOPIC_ARN, "arn:aws:sns:us-east-1:" + ACCOUNT + ":fraud-alerts-dev");

    assertThat(sp("Alias", "payments-processor-live"))
        .containsEntry("name", "live")
        .containsEntry("functionName", "transaction-processor-dev")
        .containsEntry("functionVersion", "1");
  }

  @Test
  void theApiInvokesTheLiveAliasWhosePermissionsAreScopedToTheTwoMethods() {
    String apiId =
        (String)
            AckBackend.INSTANCE
                .withAssumedStatus(obj("RestAPI", "payments-api"))
                .getAdditionalProperties()
                .entrySet()
                .stream()
                .filter(e -> e.getKey().equals("status"))
                .map(e -> at(e.getValue(), "id"))
                .findFirst()
                .orElseThrow();
    List<Map<String, Object>> permissions =
        at(sp("Alias", "payments-processor-live"), "permissions");
    String api = "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + apiId;
    assertThat(permissions)
        .extracting(p -> p.get("sourceARN"))
        .containsExactly(api + "/*/POST/transactions", api + "/*/GET/transactions/*");
    assertThat(permissions)
        .allSatisfy(
            p ->
                assertThat(p)
                    .containsEntry("action", "lambda:InvokeFunction")
                    .containsEntry("principal", "apigateway.amazonaws.com"));
    String alias =
        "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:transaction-processor-dev:live";
    assertThat(ofKind("Integration"))
        .hasSize(2)
        .allSatisfy(
            i ->
                assertThat(spec(i))
                    .containsEntry("type", "AWS_PROXY")
                    .containsEntry("integrationHTTPMethod", "POST")
                    .containsEntry(
                        "uri",
                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + alias
                            + "/invocations"));
    assertThat(sp("Method", "payments-api-post-transactions"))
        .containsEntry("authorizationType", "AWS_IAM")
        .containsEntry("httpMethod", "POST");
    assertThat(sp("Method", "payments-api-get-transaction"))
        .containsEntry("httpMethod", "GET")
        .containsEntry("requestParameters", Map.of("method.request.path.transactionId", true));
  }

  @Test
  void resourcesCopyTheRootIdAndTheStageUsesTheCurrentDeployment() {
    Map<String, Object> top = sp("Resource", "payments-api-transactions");
    assertThat(top).containsEntry("pathPart", "transactions").containsKey("parentID");
    assertThat((String) top.get("parentID")).matches("[0-9a-f]{10}");
    assertThat(sp("Resource", "payments-api-transaction"))
        .containsEntry("pathPart", "{transactionId}")
        .containsEntry("parentRef", Map.of("from", Map.of("name", "payments-api-transactions")));
    ManagedObject deployment = ofKind("Deployment").get(0);
    assertThat(sp("Stage", "payments-api-stage"))
        .containsEntry("stageName", "prod")
        .containsEntry("tracingEnabled", true)
        .containsEntry(
            "deploymentRef", Map.of("from", Map.of("name", deployment.getMetadata().getName())));
    assertThat(deployment.getMetadata().getName()).matches("payments-api-deployment-[0-9a-f]{10}");
  }

  @Test
  void statusOnlyIdsAreNamedAsAdoptionFieldsSoARecreatedObjectFindsTheSameAwsObject() {
    assertThat(obj("RestAPI", "payments-api").getMetadata().getAnnotations())
        .containsEntry("services.k8s.aws/adoption-policy", "adopt-or-create")
        .hasEntrySatisfying(
            "services.k8s.aws/adoption-fields",
            f -> assertThat(f).matches("\\{\"id\":\"[0-9a-f]{10}\"}"));
    assertThat(ofKind("Deployment").get(0).getMetadata().getAnnotations())
        .hasEntrySatisfying(
            "services.k8s.aws/adoption-fields", f -> assertThat(f).contains("\"restAPIID\""));
    assertThat(ofKind("EventSourceMapping").get(0).getMetadata().getAnnotations())
        .hasEntrySatisfying(
            "services.k8s.aws/adoption-fields",
            f -> assertThat(f).matches("\\{\"uuid\":\"[0-9a-f-]{36}\"}"));
    RenderedStack fresh = AckBackend.INSTANCE.render(pipeline, ObservedObjects.none());
    assertThat(in(fresh, "RestAPI", "payments-api").getMetadata().getAnnotations())
        .as("nothing to adopt before AWS assigned an id")
        .doesNotContainKey("services.k8s.aws/adoption-policy");
  }

  @Test
  void theScorersAsyncInvokeConfigAlwaysSetsRetriesAndMaximumAge() {
    Map<String, Object> invoke =
        at(sp("Alias", "payments-scorer-live"), "functionEventInvokeConfig");
    assertThat(invoke)
        .containsEntry("maximumRetryAttempts", 2)
        .containsEntry("maximumEventAgeInSeconds", 21600)
        .containsEntry(
            "destinationConfig",
            Map.of(
                "onFailure",
                Map.of(
                    "destination", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":fraud-scorer-dlq-dev")));
  }

  @Test
  void theStreamMappingCopiesTheStreamArnAndCallsTheAlias() {
    Map<String, Object> mapping = spec(ofKind("EventSourceMapping").get(0));
    assertThat(mapping)
        .containsEntry(
            "eventSourceARN",
            "arn:aws:dynamodb:us-east-1:"
                + ACCOUNT
                + ":table/transactions-dev/stream/2026-01-01T00:00:00.000")
        .containsEntry(
            "functionName",
            "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:transaction-processor-dev:live")
        .containsEntry("startingPosition", "LATEST")
        .containsEntry("batchSize", 100)
        .containsEntry("maximumRetryAttempts", 5)
        .containsEntry("maximumRecordAgeInSeconds", 3600)
        .containsEntry("parallelizationFactor", 1)
        .containsEntry("bisectBatchOnFunctionError", true)
        .containsEntry("functionResponseTypes", List.of("ReportBatchItemFailures"))
        .containsEntry(
            "filterCriteria",
            Map.of("filters", List.of(Map.of("pattern", "{\"eventName\":[\"INSERT\"]}"))));
  }

  @Test
  void aChangedStartingPositionReplacesTheMappingOnceTheOldOneIsGone() {
    List<GenericKubernetesResource> observed = new ArrayList<>();
    stack.desired().forEach(r -> observed.add(AckBackend.INSTANCE.withAssumedStatus(r)));
    String oldName = ofKind("EventSourceMapping").get(0).getMetadata().getName();
    FraudPipeline changed = ack(Fixtures.seed());
    changed.getSpec().getStream().setStartingPosition(StartingPosition.TRIM_HORIZON);

    RenderedStack replacing = AckBackend.INSTANCE.render(changed, new ObservedObjects(observed));
    assertThat(replacing.desired())
        .as("the old mapping is no longer wanted: the operator deletes it")
        .noneMatch(r -> r.getMetadata().getName().equals(oldName));
    assertThat(replacing.waiting())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.getKind()).isEqualTo("EventSourceMapping");
              assertThat(w.getName())
                  .startsWith("payments-processor-stream-")
                  .isNotEqualTo(oldName);
              assertThat(w.getReason())
                  .contains(oldName + " to be deleted")
                  .contains("cannot change in place");
            });

    observed.removeIf(r -> r.getMetadata().getName().equals(oldName));
    RenderedStack replaced = AckBackend.INSTANCE.render(changed, new ObservedObjects(observed));
    assertThat(replaced.waiting()).isEmpty();
    assertThat(replaced.desired())
        .filteredOn(r -> r.getKind().equals("EventSourceMapping"))
        .singleElement()
        .satisfies(m -> assertThat(spec(m)).containsEntry("startingPosition", "TRIM_HORIZON"));
  }

  @Test
  void aMissingStreamArnKeepsTheRunningMappingRatherThanDeletingIt() {
    List<GenericKubernetesResource> observed = new ArrayList<>();
    for (ManagedObject r : stack.desired()) {
      GenericKubernetesResource o = AckBackend.INSTANCE.withAssumedStatus(r);
      if (r.getKind().equals("Table")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> status =
            new LinkedHashMap<>((Map<String, Object>) o.getAdditionalProperties().get("status"));
        status.remove("latestStreamARN");
        o.setAdditionalProperty("status", status);
      }
      observed.add(o);
    }
    String mapping = ofKind("EventSourceMapping").get(0).getMetadata().getName();

    RenderedStack again = AckBackend.INSTANCE.render(pipeline, new ObservedObjects(observed));
    assertThat(again.desired()).anyMatch(r -> r.getMetadata().getName().equals(mapping));
    assertThat(again.waiting())
        .anySatisfy(w -> assertThat(w.getReason()).contains("latestStreamARN"));
  }

  @Test
  void withoutSnapStartOrWithAnImageTheAliasPointsAtLatest() {
    FraudPipeline off = ack(Fixtures.seed());
    off.getSpec().getFunctions().setSnapStart(false);
    RenderedStack s = AckBackend.INSTANCE.renderAssumingReady(off);
    assertThat(spec(in(s, "Alias", "payments-processor-live")))
        .containsEntry("functionVersion", "$LATEST")
        .containsKey("permissions");
    assertThat(spec(in(s, "Function", "payments-processor")))
        .doesNotContainKeys("publish", "snapStart");

    RenderedStack image =
        AckBackend.INSTANCE.renderAssumingReady(ack(Fixtures.pipeline("ack-variants")));
    Map<String, Object> fn = spec(in(image, "Function", "cards-processor"));
    assertThat(fn)
        .containsEntry("packageType", "Image")
        .containsEntry(
            "code",
            Map.of(
                "imageURI", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/fraud-functions:0.1.0"))
        .containsEntry("imageConfig", Map.of("command", List.of(Handlers.PROCESSOR)))
        .doesNotContainKeys("runtime", "handler", "publish", "reservedConcurrentExecutions");
    assertThat(spec(in(image, "Alias", "cards-processor-live")))
        .containsEntry("functionVersion", "$LATEST");
    assertThat(image.unsupported())
        .as("the ack-variants API takes no IAM: no check")
        .extracting(u -> u.getField())
        .containsExactly("spec.api.throttling", "spec.check.enabled");
  }

  @Test
  void theCheckRunsOnARuleThatTargetsItsLiveAliasWhichOnlyThatRuleMayInvoke() {
    String rule = "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/pipeline-check-schedule-dev";
    assertThat(sp("Rule", "payments-check-schedule"))
        .containsEntry("name", "pipeline-check-schedule-dev")
        .containsEntry("scheduleExpression", "rate(5 minutes)")
        .containsEntry(
            "targets",
            List.of(
                Map.of(
                    "id",
                    "pipeline-check",
                    "arn",
                    "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:pipeline-check-dev:live")));
    assertThat(sp("Alias", "payments-check-live"))
        .containsEntry("functionVersion", "$LATEST")
        .containsEntry(
            "permissions",
            List.of(
                Map.of(
                    "statementID", "AllowEventBridgeSchedule",
                    "action", "lambda:InvokeFunction",
                    "principal", "events.amazonaws.com",
                    "sourceARN", rule)));
    @SuppressWarnings("unchecked")
    Map<String, String> env =
        (Map<String, String>)
            ((Map<String, Object>) sp("Function", "payments-check").get("environment"))
                .get("variables");
    assertThat(env)
        .containsEntry("PIPELINE_NAME", "dev")
        .containsEntry("API_AUTHORIZATION", "AWS_IAM")
        .doesNotContainKey("API_KEY_ID");
    assertThat(env.get("API_ENDPOINT"))
        .matches("https://[0-9a-f]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com/prod");
  }

  @Test
  void theChecksRoleMayCallTheTwoMethodsOfTheStageAndNothingElse() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, String> inline =
        (Map<String, String>) sp("Role", "payments-check-role").get("inlinePolicies");
    JsonNode statements = JSON.readTree(inline.get("pipeline-check-policy-dev")).get("Statement");
    assertThat(statements).hasSize(1);
    assertThat(statements.get(0).get("Action").toString()).isEqualTo("[\"execute-api:Invoke\"]");
    assertThat(statements.get(0).get("Resource"))
        .extracting(JsonNode::asText)
        .allSatisfy(
            arn ->
                assertThat(arn)
                    .matches("arn:aws:execute-api:us-east-1:" + ACCOUNT + ":[0-9a-f]{10}/prod/.*"))
        .extracting(arn -> arn.substring(arn.indexOf("/prod/")))
        .containsExactly("/prod/POST/transactions", "/prod/GET/transactions/*");
  }

  @Test
  void alarmsUseMetricMathAndNotifyTheAlarmTopicOnBothTransitions() {
    List<ManagedObject> alarms = ofKind("MetricAlarm");
    assertThat(alarms).hasSize(7);
    String topic = "arn:aws:sns:us-east-1:" + ACCOUNT + ":fraud-pipeline-alarms-dev";
    assertThat(alarms)
        .allSatisfy(
            a ->
                assertThat(spec(a))
                    .containsEntry("alarmActions", List.of(topic))
                    .containsEntry("oKActions", List.of(topic))
                    .containsKey("metrics"));
    Map<String, Object> errors = sp("MetricAlarm", "payments-alarm-transaction-processor-errors");
    List<Map<String, Object>> metrics = at(errors, "metrics");
    assertThat(metrics).anySatisfy(m -> assertThat(m).containsKey("expression"));
    assertThat(metrics)
        .anySatisfy(
            m ->
                assertThat(at(m, "metricStat", "metric", "dimensions").toString())
                    .contains("FunctionName"));
  }

  @Test
  void beforeAnyStatusTheObjectsThatCopyStatusWaitNamingWhatTheyNeed() {
    RenderedStack first = AckBackend.INSTANCE.render(pipeline, ObservedObjects.none());
    assertThat(first.desired()).extracting(r -> r.getKind()).contains("Table", "Role", "RestAPI");
    assertThat(first.waiting())
        .anySatisfy(
            w -> {
              assertThat(w.getKind()).isEqualTo("EventSourceMapping");
              assertThat(w.getReason())
                  .contains("Table payments-transactions latestStreamARN")
                  .contains("Alias payments-processor-live arn");
            })
        .anySatisfy(
            w -> {
              assertThat(w.getName()).isEqualTo("payments-api-transactions");
              assertThat(w.getReason()).contains("RestAPI payments-api rootResourceID");
            });
  }

  @Test
  void aProviderConfigRefOtherThanTheDefaultIsReportedAsCrossplaneOnly() {
    assertThat(stack.unsupported()).noneMatch(u -> u.getField().equals("spec.providerConfigRef"));
    FraudPipeline named = ack(Fixtures.seed());
    named.getSpec().getProviderConfigRef().setName("aws-prod");

    assertThat(AckBackend.INSTANCE.render(named, ObservedObjects.none()).unsupported())
        .anySatisfy(
            u -> {
              assertThat(u.getField()).isEqualTo("spec.providerConfigRef");
              assertThat(u.getReason()).startsWith("applies to Crossplane only");
            });
  }

  @Test
  void switchingBetweenZipAndImageIsRefusedNamingTheField() {
    List<GenericKubernetesResource> observed = new ArrayList<>();
    stack.desired().forEach(r -> observed.add(AckBackend.INSTANCE.withAssumedStatus(r)));
    FraudPipeline image = ack(Fixtures.seed());
    FunctionCode code = new FunctionCode();
    code.setImageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/fraud-functions:0.2.0");
    image.getSpec().getFunctions().setCode(code);

    assertThatThrownBy(() -> AckBackend.INSTANCE.render(image, new ObservedObjects(observed)))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("spec.functions.code: switches the functions from Zip to Image");
    assertThat(AckBackend.INSTANCE.render(image, ObservedObjects.none()).desired())
        .as("a new pipeline may use an image")
        .isNotEmpty();
  }
}
