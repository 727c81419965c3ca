package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The pipeline's scheduled end-to-end check and its "not scoring" alarm. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CheckSpec {

  /**
   * EventBridge's schedule expressions: {@code rate(1 minute)}, {@code rate(<n>
   * minutes|hours|days)} with n above 1, or {@code cron(<6 fields>)}. Written without backslashes,
   * as CEL reads it too.
   */
  public static final String SCHEDULE_PATTERN =
      "^(rate[(](1 (minute|hour|day)|([2-9]|[1-9][0-9]+) (minutes|hours|days))[)]"
          + "|cron[(][^ ()]+( [^ ()]+){5}[)])$";

  public static final String SCHEDULE_MESSAGE =
      "must be an EventBridge schedule expression: rate(1 minute), rate(<n> minutes|hours|days)"
          + " with n above 1, or cron(<minutes> <hours> <day-of-month> <month> <day-of-week>"
          + " <year>)";

  /** EventBridge's bound on a rule's ScheduleExpression. */
  public static final int SCHEDULE_MAX_LENGTH = 256;

  @Default("true")
  @JsonPropertyDescription(
      "Run the check: a function that sends a synthetic transaction through the API on a schedule"
          + " and reads it back until it is scored, and the alarm that fires when it fails or"
          + " stops reporting.")
  private Boolean enabled = true;

  @Default("rate(5 minutes)")
  @Size(max = SCHEDULE_MAX_LENGTH)
  @ValidationRule(value = "self.matches('" + SCHEDULE_PATTERN + "')", message = SCHEDULE_MESSAGE)
  @JsonPropertyDescription(
      "When the check runs: an EventBridge schedule expression, rate(...) or cron(...).")
  private String schedule = "rate(5 minutes)";

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  /** Whether the check's objects exist: on unless turned off. */
  @JsonIgnore
  public boolean isOn() {
    return !Boolean.FALSE.equals(enabled);
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }
}
