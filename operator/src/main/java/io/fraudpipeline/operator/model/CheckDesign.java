package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.CheckSpec;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's scheduled check in EventBridge's and Lambda's terms, whichever backend makes it:
 * an EventBridge rule on the schedule expression whose one target is the check function, and the
 * statement of the function's resource policy that lets EventBridge invoke it for that rule only.
 */
public record CheckDesign(String ruleName, String scheduleExpression, String description) {

  /** The id of the rule's one target. */
  public static final String TARGET_ID = "pipeline-check";

  /** The statement of the check function's resource policy. */
  public static final String INVOKE_STATEMENT_ID = "AllowEventBridgeSchedule";

  public static final String INVOKE_PRINCIPAL = "events.amazonaws.com";

  private static final Pattern RATE = Pattern.compile("^rate[(]([0-9]+) (minute|hour|day)s?[)]$");

  private static final int DAY_SECONDS = 86_400;

  /**
   * Whether the check runs: turned on, and the API authorizes with IAM. Only then can the API tell
   * the check's synthetic transactions from anyone else's; with NONE or API_KEY no caller is
   * verified, and the API refuses synthetic ids from every caller (or anyone could send
   * transactions that never alert).
   */
  public static boolean runs(FraudPipelineSpec spec) {
    return spec.getCheck().isOn() && spec.getApi().getAuthorization() == Authorization.AWS_IAM;
  }

  /** Why a check turned on does not run, for {@code status.unsupported}; empty when it runs. */
  public static Optional<String> notRunning(FraudPipelineSpec spec) {
    if (!spec.getCheck().isOn() || runs(spec)) {
      return Optional.empty();
    }
    return Optional.of(
        "the check needs spec.api.authorization AWS_IAM: with "
            + spec.getApi().getAuthorization().name()
            + " the API cannot verify who sends a synthetic transaction, so it refuses them from"
            + " everyone; the check, its schedule and the not-scoring alarm are left out");
  }

  public static CheckDesign of(CheckSpec spec, AwsNames names) {
    return new CheckDesign(
        names.checkSchedule(),
        spec.getSchedule(),
        "Runs " + names.function(FunctionRole.CHECK) + ": a synthetic transaction end to end");
  }

  /**
   * How often the check reports, in seconds: a rate's interval; a day for a cron expression, whose
   * interval the operator does not derive. The "not scoring" alarm looks at periods this long, so
   * that a check that has not run yet in a period is not missing data.
   */
  public int intervalSeconds() {
    Matcher rate = RATE.matcher(scheduleExpression);
    if (!rate.matches()) {
      return DAY_SECONDS;
    }
    long unit =
        switch (rate.group(2)) {
          case "minute" -> 60;
          case "hour" -> 3_600;
          default -> DAY_SECONDS;
        };
    return (int) Math.min(DAY_SECONDS, Long.parseLong(rate.group(1)) * unit);
  }
}
