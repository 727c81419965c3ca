package io.fraudpipeline.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.stack.ObservedObjects;
import org.junit.jupiter.api.Test;

class SuffixKeptTest {

  private static FraudPipeline createdWithSuffix(String inEffect, String now) {
    FraudPipeline pipeline = Fixtures.seed();
    FraudPipelineStatus status = new FraudPipelineStatus();
    status.setEnvironmentSuffix(inEffect);
    pipeline.setStatus(status);
    pipeline.getSpec().setEnvironmentSuffix(now);
    return pipeline;
  }

  @Test
  void aNewSuffixOnceTheStackExistsIsRefusedNamingTheTablesItWouldReCreate() {
    FraudPipeline edited = createdWithSuffix("dev", "dev2");

    InvalidSpecException refused =
        catchThrowableOfType(
            InvalidSpecException.class, () -> SpecCheck.suffixKept(edited, "dev2", true));

    assertThat(refused)
        .hasMessage(
            "spec.environmentSuffix: the stack exists with suffix 'dev' (tables transactions-dev"
                + " and fraud_scores-dev); 'dev2' would replace every AWS resource and re-create"
                + " both tables empty: set it back to 'dev', or create a new FraudPipeline");
  }

  @Test
  void theSameSuffixOrNoObjectYetIsAccepted() {
    assertThatCode(() -> SpecCheck.suffixKept(createdWithSuffix("dev", "dev"), "dev", true))
        .doesNotThrowAnyException();
    assertThatCode(() -> SpecCheck.suffixKept(createdWithSuffix("dev", "dev2"), "dev2", false))
        .as("a typo fixed before anything was made")
        .doesNotThrowAnyException();
  }

  @Test
  void theRenderRefusesItWhenObjectsAreObserved() {
    FraudPipeline created = Fixtures.seed();
    var objects = CrossplaneBackend.INSTANCE.renderAssumingReady(created).desired();
    FraudPipeline edited = createdWithSuffix(created.getSpec().getEnvironmentSuffix(), "other");

    assertThat(
            catchThrowableOfType(
                InvalidSpecException.class,
                () -> CrossplaneBackend.INSTANCE.render(edited, new ObservedObjects(objects))))
        .hasMessageStartingWith("spec.environmentSuffix: the stack exists with suffix");
  }
}
