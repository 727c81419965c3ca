package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fraudpipeline.operator.Fixtures;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every line logged during a pipeline's reconcile carries that pipeline's namespace and name. */
class ReconcileLoggingTest extends OperatorTestBase {

  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void capture() {
    lines.start();
    root.addAppender(lines);
  }

  @AfterEach
  void release() {
    root.detachAppender(lines);
  }

  @Test
  void ourLinesAndJosdksFailureLinesNameThePipeline() {
    // a failed write makes JOSDK log the failure of this reconcile too
    cluster
        .server
        .expect()
        .post()
        .withPath("/apis/dynamodb.aws.m.upbound.io/v1beta1/namespaces/" + NS + "/tables")
        .andReturn(409, new StatusBuilder().withCode(409).withMessage("injected").build())
        .once();
    provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));

    List<ILoggingEvent> reconcileLines =
        List.copyOf(lines.list).stream()
            .filter(e -> e.getThreadName().startsWith("ReconcilerExecutor"))
            .toList();
    assertThat(reconcileLines)
        .anyMatch(e -> e.getLoggerName().equals(FraudPipelineReconciler.class.getName()))
        .anyMatch(e -> e.getLoggerName().startsWith("io.javaoperatorsdk"))
        .allSatisfy(
            e ->
                assertThat(e.getMDCPropertyMap())
                    .as(e.getFormattedMessage())
                    .containsEntry("resource.namespace", NS)
                    .containsEntry("resource.name", "payments"));
  }
}
