package io.fraudpipeline.functions.processor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckCallerTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/pipeline-check-prod";
  private static final CheckCaller CHECK = CheckCaller.role(ROLE);

  @Test
  void aSessionOfTheChecksRoleIsTheCheck() {
    assertThat(
            CHECK.isCheck(
                "arn:aws:sts::123456789012:assumed-role/pipeline-check-prod/pipeline-check-prod"))
        .isTrue();
    assertThat(CHECK.isCheck("arn:aws:sts::123456789012:assumed-role/pipeline-check-prod/other"))
        .isTrue();
  }

  @Test
  void aRoleWithAPathMatchesItsSessionsWhoseArnLeavesThePathOut() {
    CheckCaller withPath =
        CheckCaller.role("arn:aws:iam::123456789012:role/service/fraud/pipeline-check-prod");

    assertThat(withPath.isCheck("arn:aws:sts::123456789012:assumed-role/pipeline-check-prod/s"))
        .isTrue();
  }

  @Test
  void anotherRoleAccountOrPartitionIsNotTheCheck() {
    assertThat(CHECK.isCheck("arn:aws:sts::123456789012:assumed-role/pipeline-check-prod2/s"))
        .isFalse();
    assertThat(CHECK.isCheck("arn:aws:sts::123456789012:assumed-role/pipeline-check/s")).isFalse();
    assertThat(CHECK.isCheck("arn:aws:sts::210987654321:assumed-role/pipeline-check-prod/s"))
        .isFalse();
    assertThat(CHECK.isCheck("arn:aws-cn:sts::123456789012:assumed-role/pipeline-check-prod/s"))
        .isFalse();
  }

  @Test
  void usersTheRolesOwnArnAndNoCallerAreNotTheCheck() {
    assertThat(CHECK.isCheck("arn:aws:iam::123456789012:user/pipeline-check-prod")).isFalse();
    // API Gateway reports a session, never the role itself; a forged form is not accepted
    assertThat(CHECK.isCheck(ROLE)).isFalse();
    assertThat(CHECK.isCheck("arn:aws:sts::123456789012:assumed-role/pipeline-check-prod/"))
        .isFalse();
    assertThat(CHECK.isCheck(null)).isFalse();
  }

  @Test
  void withoutACheckNobodyIsTheCheck() {
    assertThat(
            CheckCaller.none()
                .isCheck("arn:aws:sts::123456789012:assumed-role/pipeline-check-prod/s"))
        .isFalse();
    assertThat(CheckCaller.fromSetting(null).roleArn()).isEmpty();
  }

  @Test
  void aSettingThatIsNotARoleArnIsRefusedNamingIt() {
    assertThatThrownBy(() -> CheckCaller.role("arn:aws:iam::123456789012:user/bob"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CHECK_ROLE_ARN")
        .hasMessageContaining("user/bob");
    assertThatThrownBy(() -> CheckCaller.role("pipeline-check-prod"))
        .hasMessageContaining("CHECK_ROLE_ARN");
  }
}
