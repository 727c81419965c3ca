package io.fraudpipeline.functions.scorer;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The scorer's SnapStart primer runs the SDK pipelines on canned responses: it needs no AWS
 * endpoint, credentials or region, none of which exist in this test.
 */
class ScorerPrimingTest {

  @Test
  void primesWithoutAnyAwsCall() {
    assertThatCode(FraudScorerHandler::prime).doesNotThrowAnyException();
  }
}
