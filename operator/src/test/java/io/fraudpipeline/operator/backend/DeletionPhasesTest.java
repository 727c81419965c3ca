package io.fraudpipeline.operator.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.DeletionPhase;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeletionPhasesTest {

  @Test
  void everyKindOfEveryBackendHasAPhase() {
    for (StackBackend backend : InstalledBackends.all().all()) {
      for (ManagedKind kind : backend.kinds()) {
        assertThat(backend.deletionPhase(kind)).as(backend + " " + kind.kind()).isNotNull();
      }
    }
  }

  @Test
  void bothBackendsDeleteTheSameWayTrafficFirstTablesLast() {
    for (StackBackend backend : InstalledBackends.all().all()) {
      Map<DeletionPhase, List<String>> phases =
          backend.kinds().stream()
              .collect(
                  Collectors.groupingBy(
                      backend::deletionPhase,
                      Collectors.mapping(ManagedKind::kind, Collectors.toList())));
      assertThat(phases.get(DeletionPhase.TRAFFIC))
          .as(backend.toString())
          .contains("Stage", "Deployment", "EventSourceMapping")
          .doesNotContain("Function", "Table", "Queue");
      assertThat(phases.get(DeletionPhase.FUNCTIONS)).contains("Function", "Alias");
      assertThat(phases.get(DeletionPhase.SUPPORT))
          .contains("Queue", "Topic", "MetricAlarm", "Role");
      // Crossplane names its log group kind Group
      assertThat(backend.deletionPhase(backend.dialect().kind(ResourceType.LOG_GROUP)))
          .isEqualTo(DeletionPhase.SUPPORT);
      assertThat(phases.get(DeletionPhase.DATA)).containsExactly("Table");
    }
  }

  @Test
  void crossplaneOwnKindsGoWithWhatTheyServe() {
    StackBackend crossplane =
        InstalledBackends.all().of(io.fraudpipeline.api.v1alpha1.Backend.CROSSPLANE);
    Map<String, DeletionPhase> byKind =
        crossplane.kinds().stream()
            .collect(Collectors.toMap(ManagedKind::kind, crossplane::deletionPhase));
    assertThat(byKind)
        .containsEntry("TopicSubscription", DeletionPhase.TRAFFIC)
        .containsEntry("MethodSettings", DeletionPhase.TRAFFIC)
        .containsEntry("UsagePlan", DeletionPhase.TRAFFIC)
        .containsEntry("Permission", DeletionPhase.FUNCTIONS)
        .containsEntry("FunctionEventInvokeConfig", DeletionPhase.FUNCTIONS)
        .containsEntry("RolePolicy", DeletionPhase.SUPPORT)
        .containsEntry("RolePolicyAttachment", DeletionPhase.SUPPORT);
  }
}
