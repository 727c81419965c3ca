package io.fraudpipeline.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.api.v1alpha1.ScoringSpec;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.operator.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend-neutral model: names, policies, environments, alarms, spec checks. */
class ModelTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final AwsNames names = new AwsNames("dev");

  @Test
  void awsNamesFollowTheContractAndAllEndWithTheSuffix() {
    assertThat(names.transactionsTable()).isEqualTo("transactions-dev");
    assertThat(names.fraudScoresTable()).isEqualTo("fraud_scores-dev");
    assertThat(names.deadLetterQueue(FunctionRole.PROCESSOR))
        .isEqualTo("transaction-processor-dlq-dev");
    assertThat(names.deadLetterQueue(FunctionRole.SCORER)).isEqualTo("fraud-scorer-dlq-dev");
    assertThat(names.alertTopic()).isEqualTo("fraud-alerts-dev");
    assertThat(names.alarmTopic()).isEqualTo("fraud-pipeline-alarms-dev");
    assertThat(names.role(FunctionRole.PROCESSOR)).isEqualTo("transaction-processor-role-dev");
    assertThat(names.role(FunctionRole.SCORER)).isEqualTo("fraud-scorer-role-dev");
    assertThat(names.function(FunctionRole.PROCESSOR)).isEqualTo("transaction-processor-dev");
    assertThat(names.function(FunctionRole.SCORER)).isEqualTo("fraud-scorer-dev");
    assertThat(names.restApi()).isEqualTo("fraud-detection-api-dev");
    assertThat(names.errorsAlarm(FunctionRole.PROCESSOR))
        .isEqualTo("transaction-processor-errors-dev");
    assertThat(names.errorsAlarm(FunctionRole.SCORER)).isEqualTo("fraud-scorer-errors-dev");
    assertThat(names.logGroup(FunctionRole.SCORER)).isEqualTo("/aws/lambda/fraud-scorer-dev");
  }

  @Test
  void theLongestRoleNameFitsIamsLimitWithTheLongestSuffix() {
    AwsNames longest = new AwsNames("a".repeat(20));
    assertThat(longest.role(FunctionRole.PROCESSOR)).hasSizeLessThanOrEqualTo(64);
    assertThat(longest.function(FunctionRole.PROCESSOR)).hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void theProcessorMayInvokeOnlyTheScorerAndNoStatementNamesEverything() throws Exception {
    JsonNode doc =
        JSON.readTree(
            IamPolicies.processor(
                new IamPolicies.ProcessorGrants(
                    "arn:t", "arn:t/stream/1", "arn:s", "arn:fn:scorer", "arn:q:processor")));

    List<String> invokeTargets = new ArrayList<>();
    for (JsonNode st : doc.get("Statement")) {
      assertThat(st.get("Resource").toString()).doesNotContain("\"*\"");
      if (st.get("Action").toString().contains("lambda:InvokeFunction")) {
        st.get("Resource").forEach(r -> invokeTargets.add(r.asText()));
      }
    }
    assertThat(invokeTargets).containsExactly("arn:fn:scorer");
    assertThat(doc.toString())
        .contains("dynamodb:PutItem", "dynamodb:GetRecords", "sqs:SendMessage", "arn:q:processor")
        // the transactions table is keyed by id alone: nothing to query
        .doesNotContain("dynamodb:Query");
  }

  @Test
  void theScorerMayWriteScoresPublishAlertsAndFillItsQueueOnly() throws Exception {
    JsonNode doc =
        JSON.readTree(
            IamPolicies.scorer(new IamPolicies.ScorerGrants("arn:s", "arn:topic", "arn:q:scorer")));

    assertThat(doc.get("Statement")).hasSize(3);
    assertThat(doc.toString())
        .contains("sns:Publish", "arn:topic", "arn:q:scorer")
        .doesNotContain("lambda:", "arn:t\"");
  }

  @Test
  void onlyLambdaMayAssumeTheRoles() throws Exception {
    JsonNode st = JSON.readTree(IamPolicies.assumeRoleByLambda()).get("Statement").get(0);
    assertThat(st.get("Principal").get("Service").asText()).isEqualTo("lambda.amazonaws.com");
  }

  @Test
  void theScorerEnvironmentCarriesEveryScoringSettingAsWritten() {
    ScoringSpec scoring = new ScoringSpec();
    scoring.setHighRiskMerchants(List.of("casino", "crypto"));
    var env = FunctionEnvironment.scorer("payments", names, scoring, "arn:topic");

    assertThat(env)
        .containsEntry(EnvVars.ALERT_TOPIC_ARN, "arn:topic")
        .containsEntry(EnvVars.FRAUD_SCORES_TABLE, "fraud_scores-dev")
        .containsEntry(EnvVars.ALERT_THRESHOLD, "0.8")
        .containsEntry(EnvVars.HIGH_AMOUNT, "10000")
        .containsEntry(EnvVars.ELEVATED_AMOUNT, "5000")
        .containsEntry(EnvVars.HIGH_RISK_MERCHANTS, "casino,crypto")
        .containsEntry(EnvVars.SCORE_RETENTION_DAYS, "30")
        .containsEntry(EnvVars.PIPELINE_NAME, "payments");
    assertThat(FunctionEnvironment.processor("payments", names, false, "arn:check-role"))
        .containsEntry(EnvVars.PIPELINE_NAME, "payments")
        .containsEntry(EnvVars.TRANSACTIONS_TABLE, "transactions-dev")
        .containsEntry(EnvVars.SCORER_FUNCTION_NAME, "fraud-scorer-dev")
        .containsEntry(EnvVars.CHECK_ROLE_ARN, "arn:check-role");
    assertThat(FunctionEnvironment.processor("payments", names, false, null))
        .as("with the check off no caller may send synthetic transactions")
        .doesNotContainKey(EnvVars.CHECK_ROLE_ARN);
    assertThat(FunctionEnvironment.processor("payments", names, true, null))
        .as("with SnapStart the processor invokes the scorer's live alias")
        .containsEntry(EnvVars.SCORER_FUNCTION_NAME, "fraud-scorer-dev:live");
  }

  @Test
  void theNotScoringAlarmFiresWhenTheCheckFailsOrStopsReportingOverItsInterval() {
    FraudPipelineSpec spec = Fixtures.seed().getSpec();
    spec.getCheck().setSchedule("rate(10 minutes)");

    List<AlarmDesign> alarms = Alarms.of("payments", names, spec);
    AlarmDesign notScoring = alarms.get(alarms.size() - 1);

    assertThat(notScoring.name()).isEqualTo("fraud-pipeline-not-scoring-dev");
    assertThat(notScoring.comparisonOperator()).isEqualTo("LessThanThreshold");
    assertThat(notScoring.threshold()).isEqualTo(1);
    assertThat(notScoring.treatMissingData())
        .as("a silent check is a failing one")
        .isEqualTo("breaching");
    AlarmDesign.Metric metric = notScoring.queries().get(0).metric();
    assertThat(metric.namespace()).isEqualTo(FraudMetrics.NAMESPACE);
    assertThat(metric.name()).isEqualTo(FraudMetrics.CHECK_SUCCEEDED);
    assertThat(metric.dimensions()).containsExactly(Map.entry(FraudMetrics.PIPELINE, "payments"));
    assertThat(metric.stat()).isEqualTo("Minimum");
    assertThat(metric.period()).as("a period without a run would be missing data").isEqualTo(600);
  }

  @Test
  void aDailyCronCheckIsEvaluatedOverOneDayAtMost() {
    FraudPipelineSpec spec = Fixtures.seed().getSpec();
    spec.getCheck().setSchedule("cron(0 6 * * ? *)");
    spec.getAlarms().setEvaluationPeriods(3);

    List<AlarmDesign> alarms = Alarms.of("payments", names, spec);
    AlarmDesign notScoring = alarms.get(alarms.size() - 1);

    assertThat(notScoring.queries().get(0).metric().period()).isEqualTo(86_400);
    assertThat(notScoring.evaluationPeriods()).isEqualTo(1);
  }

  @Test
  void withTheCheckOffThereIsNoNotScoringAlarm() {
    FraudPipelineSpec spec = Fixtures.seed().getSpec();
    spec.getCheck().setEnabled(false);

    assertThat(Alarms.of("payments", names, spec))
        .extracting(AlarmDesign::name)
        .doesNotContain("fraud-pipeline-not-scoring-dev")
        .hasSize(6);
  }

  @Test
  void aScheduleThatIsNoEventBridgeExpressionIsRefusedNamingTheField() {
    for (String bad :
        List.of(
            "every 5 minutes",
            "rate(1 minutes)",
            "rate(5 minute)",
            "rate(0 minutes)",
            "cron(0 6 * * ?)",
            "rate(5 minutes) ")) {
      FraudPipeline pipeline = Fixtures.seed();
      pipeline.getSpec().getCheck().setSchedule(bad);
      assertThatThrownBy(() -> SpecCheck.check(pipeline))
          .as(bad)
          .isInstanceOf(InvalidSpecException.class)
          .hasMessageContaining("spec.check.schedule")
          .hasMessageContaining("EventBridge schedule expression");
    }
    for (String good :
        List.of("rate(1 minute)", "rate(5 minutes)", "rate(12 hours)", "cron(0/5 * * * ? *)")) {
      FraudPipeline pipeline = Fixtures.seed();
      pipeline.getSpec().getCheck().setSchedule(good);
      assertThat(SpecCheck.check(pipeline)).as(good).isNotNull();
    }
  }

  @Test
  void errorAlarmsWatchTheErrorRateNotTheErrorCount() {
    FraudPipelineSpec spec = Fixtures.seed().getSpec();
    spec.getAlarms().setErrorRatePercent(2.5);
    List<AlarmDesign> alarms = Alarms.of("payments", names, spec);

    assertThat(alarms)
        .extracting(AlarmDesign::name)
        .containsExactly(
            "transaction-processor-errors-dev",
            "fraud-scorer-errors-dev",
            "transaction-processor-dlq-depth-dev",
            "fraud-scorer-dlq-depth-dev",
            "transaction-processor-iterator-age-dev",
            "fraud-detection-api-5xx-dev",
            "fraud-pipeline-not-scoring-dev");
    AlarmDesign errors = alarms.get(0);
    assertThat(errors.threshold()).isEqualTo(2.5);
    assertThat(errors.queries())
        .filteredOn(AlarmDesign.Query::returnData)
        .singleElement()
        .satisfies(q -> assertThat(q.expression()).contains("errors / invocations"));
    assertThat(errors.queries())
        .filteredOn(q -> q.metric() != null)
        .extracting(q -> q.metric().name())
        .containsExactly("Errors", "Invocations");
    assertThat(alarms.get(2).threshold()).isZero();
  }

  @Test
  void specCheckNamesTheFieldThatIsWrong() {
    FraudPipeline both = Fixtures.pipeline("seed");
    both.getSpec().getFunctions().getCode().setImageUri("example.com/x:1");
    assertThatThrownBy(() -> SpecCheck.check(both))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("spec.functions.code: set exactly one of s3 (s3Bucket + s3Key) or imageUri");

    FraudPipeline badName = Fixtures.pipeline("minimal");
    badName.getMetadata().setName("Not_A_Suffix");
    assertThatThrownBy(() -> SpecCheck.check(badName))
        .hasMessageStartingWith("metadata.name: 'Not_A_Suffix' is not a valid environment suffix")
        .hasMessageEndingWith("set spec.environmentSuffix");

    FraudPipeline noRegion = Fixtures.pipeline("seed");
    noRegion.getSpec().setRegion(null);
    assertThatThrownBy(() -> SpecCheck.check(noRegion)).hasMessage("spec.region: required");

    FraudPipeline amounts = Fixtures.pipeline("seed");
    amounts.getSpec().getScoring().setElevatedAmount(20000.0);
    assertThatThrownBy(() -> SpecCheck.check(amounts))
        .hasMessage("spec.scoring.elevatedAmount: must not exceed highAmount");

    FraudPipeline ack = Fixtures.pipeline("seed");
    ack.getSpec().setBackend(Backend.ACK);
    assertThat(SpecCheck.check(ack)).as("ACK is a backend now").isEqualTo("dev");

    assertThat(SpecCheck.check(Fixtures.pipeline("minimal"))).isEqualTo("minimal");
  }

  @Test
  void theFirstPipelineCreatedKeepsASuffixOnTheSameCredentials() {
    FraudPipeline first = Fixtures.pipeline("seed");
    first.getMetadata().setCreationTimestamp("2026-01-01T00:00:00Z");
    FraudPipeline second = Fixtures.pipeline("seed");
    second.getMetadata().setName("payments-copy");
    second.getMetadata().setCreationTimestamp("2026-02-01T00:00:00Z");
    FraudPipeline elsewhere = Fixtures.pipeline("seed");
    elsewhere.getMetadata().setName("other-account");
    elsewhere.getSpec().getProviderConfigRef().setName("other-account");
    List<FraudPipeline> all = List.of(first, second, elsewhere);

    assertThat(SuffixClaims.heldBefore(second, all)).contains(first);
    assertThat(SuffixClaims.heldBefore(first, all)).isEmpty();
    assertThat(SuffixClaims.heldBefore(elsewhere, all)).as("other credentials").isEmpty();
  }

  @Test
  void managedPolicyArnsFollowThePartition() {
    assertThat(AwsPartition.managedPolicyArn("us-east-1", IamPolicies.XRAY_WRITE))
        .isEqualTo("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess");
    assertThat(AwsPartition.of("us-gov-west-1")).isEqualTo("aws-us-gov");
    assertThat(AwsPartition.of("cn-north-1")).isEqualTo("aws-cn");
  }
}
