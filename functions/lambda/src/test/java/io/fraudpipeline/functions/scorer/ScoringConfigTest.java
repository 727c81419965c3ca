package io.fraudpipeline.functions.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudpipeline.functions.aws.Env;
import io.fraudpipeline.functions.contract.EnvVars;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringConfigTest {

  @Test
  void unsetVariablesTakeTheApiDefaults() {
    ScoringConfig config = ScoringConfig.fromEnv(new Env(Map.<String, String>of()::get));

    assertThat(config).isEqualTo(ScoringConfig.defaults());
    assertThat(config.alertThreshold()).isEqualByComparingTo("0.8");
    assertThat(config.highAmount()).isEqualByComparingTo("10000");
    assertThat(config.elevatedAmount()).isEqualByComparingTo("5000");
    assertThat(config.highRiskMerchants()).containsExactly("unknown", "offshore", "crypto");
    assertThat(config.scoreRetentionDays()).isEqualTo(30);
  }

  @Test
  void readsEveryVariable() {
    Map<String, String> env =
        Map.of(
            EnvVars.ALERT_THRESHOLD, "0.65",
            EnvVars.HIGH_AMOUNT, "20000.50",
            EnvVars.ELEVATED_AMOUNT, "7500",
            EnvVars.HIGH_RISK_MERCHANTS, "Casino, lottery",
            EnvVars.SCORE_RETENTION_DAYS, "7");

    ScoringConfig config = ScoringConfig.fromEnv(new Env(env::get));

    assertThat(config.alertThreshold()).isEqualByComparingTo("0.65");
    assertThat(config.highAmount()).isEqualByComparingTo("20000.50");
    assertThat(config.elevatedAmount()).isEqualByComparingTo("7500");
    assertThat(config.highRiskMerchants()).isEqualTo(List.of("casino", "lottery"));
    assertThat(config.scoreRetentionDays()).isEqualTo(7);
  }

  @Test
  void namesTheVariableThatIsWrong() {
    assertThatThrownBy(() -> fromEnv(EnvVars.ALERT_THRESHOLD, "high"))
        .hasMessageContaining("ALERT_THRESHOLD must be a decimal number, got 'high'");
    assertThatThrownBy(() -> fromEnv(EnvVars.ALERT_THRESHOLD, "1.5"))
        .hasMessageContaining("ALERT_THRESHOLD must be between 0 and 1");
    assertThatThrownBy(() -> fromEnv(EnvVars.HIGH_AMOUNT, "-1"))
        .hasMessageContaining("HIGH_AMOUNT must be >= 0");
    assertThatThrownBy(() -> fromEnv(EnvVars.SCORE_RETENTION_DAYS, "0"))
        .hasMessageContaining("SCORE_RETENTION_DAYS must be between 1 and 3650");
    assertThatThrownBy(() -> fromEnv(EnvVars.SCORE_RETENTION_DAYS, "3651"))
        .hasMessageContaining("SCORE_RETENTION_DAYS must be between 1 and 3650");
    assertThatThrownBy(() -> fromEnv(EnvVars.SCORE_RETENTION_DAYS, "30d"))
        .hasMessageContaining("SCORE_RETENTION_DAYS must be an integer");
  }

  @Test
  void obeysTheCrdsCrossFieldAndTermRules() {
    assertThatThrownBy(() -> fromEnv(EnvVars.ELEVATED_AMOUNT, "10000.01"))
        .hasMessageContaining("ELEVATED_AMOUNT must not exceed HIGH_AMOUNT");
    assertThatThrownBy(() -> fromEnv(EnvVars.HIGH_RISK_MERCHANTS, "crypto,,casino"))
        .hasMessageContaining("HIGH_RISK_MERCHANTS: each term is 1-64 characters");
    assertThatThrownBy(() -> fromEnv(EnvVars.HIGH_RISK_MERCHANTS, "x".repeat(65)))
        .hasMessageContaining("HIGH_RISK_MERCHANTS: each term is 1-64 characters");
    // an empty list in the spec: no merchant adds to the score
    assertThat(fromEnv(EnvVars.HIGH_RISK_MERCHANTS, "").highRiskMerchants()).isEmpty();
  }

  private static ScoringConfig fromEnv(String name, String value) {
    return ScoringConfig.fromEnv(new Env(Map.of(name, value)::get));
  }
}
