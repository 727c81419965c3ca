package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.runtime.OperatorRunner;
import io.fraudpipeline.testing.cluster.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Two replicas with leader election on one Lease: only the leader writes; the other takes over. */
class LeaderElectionTest extends OperatorTestBase {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Test
  void onlyTheLeaderWritesAndTheFollowerTakesOverWhenItStops() throws Exception {
    harness.close(); // the base class's instance runs without leader election
    allowLeases();
    harness = replica("replica-a");
    awaitLeader("replica-a");
    OperatorHarness follower = replica("replica-b");
    try {
      cluster.forgetRequests();
      FraudPipeline pipeline = provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));

      Map<String, Long> writes = writesByReplica(cluster.recordedRequests());
      assertThat(writes.get("replica-a")).as("the leader's writes").isGreaterThanOrEqualTo(38);
      assertThat(writes).as("writes by replica").doesNotContainKey("replica-b");

      // the leader stops: its lease runs out, the follower leads and applies the next change
      harness.close();
      awaitLeader("replica-b");
      cluster.forgetRequests();
      edit(pipeline, p -> p.getSpec().getFunctions().getScorer().setTimeoutSeconds(300));
      awaitScorerTimeout(300, "the change applied by the new leader");
      writes = writesByReplica(cluster.recordedRequests());
      assertThat(writes).containsOnlyKeys("replica-b");
      assertThat(harness.leadershipLosses).as("a stop is no lost lease").hasValue(0);
      assertThat(follower.leadershipLosses).hasValue(0);
    } finally {
      follower.close();
    }
  }

  private OperatorHarness replica(String name) {
    return new OperatorHarness(
        cluster,
        Duration.ofMillis(300),
        Map.of(
            "LEADER_ELECTION", "true",
            "POD_NAMESPACE", "fraud-system",
            "HOSTNAME", name,
            "LEASE_DURATION", "2s"),
        name);
  }

  private void awaitLeader(String identity) {
    Eventually.await(
        identity + " holds the lease",
        TIMEOUT,
        () -> {
          Lease lease =
              cluster
                  .client
                  .leases()
                  .inNamespace("fraud-system")
                  .withName(OperatorRunner.LEASE)
                  .get();
          return lease != null && identity.equals(lease.getSpec().getHolderIdentity());
        });
  }

  /** Writes to anything but the lease, by the replica (user agent) that sent them. */
  private static Map<String, Long> writesByReplica(List<RecordedRequest> requests) {
    return requests.stream()
        .filter(r -> WRITES.contains(r.getMethod()))
        .filter(r -> !r.getPath().contains("/leases"))
        .filter(r -> String.valueOf(r.getHeader("User-Agent")).startsWith("replica-"))
        .collect(Collectors.groupingBy(r -> r.getHeader("User-Agent"), Collectors.counting()));
  }

  /** JOSDK checks its lease permissions with a SelfSubjectRulesReview before it campaigns. */
  private void allowLeases() {
    SelfSubjectRulesReview review =
        new SelfSubjectRulesReviewBuilder()
            .withNewStatus()
            .withIncomplete(false)
            .addNewResourceRule()
            .withApiGroups("coordination.k8s.io")
            .withResources("leases")
            .withVerbs("get", "create", "update")
            .endResourceRule()
            .endStatus()
            .build();
    cluster
        .server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review)
        .always();
  }
}
