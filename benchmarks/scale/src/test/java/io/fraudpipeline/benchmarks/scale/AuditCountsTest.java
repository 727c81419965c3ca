package io.fraudpipeline.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.testing.cluster.AuditLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditCountsTest {

  @Test
  void countsOneUsersAcceptedWritesByVerbWithLeasesRejectsAndReadsApart() {
    List<AuditLog.Entry> log =
        List.of(
            entry("op", "create", "queues", "", 201),
            entry("op", "create", "queues", "", 201),
            entry("op", "patch", "queues", "", 200),
            entry("op", "patch", "fraudpipelines", "status", 200),
            entry("op", "create", "events", "", 201),
            entry("op", "update", "leases", "", 200),
            entry("op", "create", "queues", "", 409),
            entry("op", "create", "selfsubjectrulesreviews", "", 201),
            entry("op", "get", "customresourcedefinitions", "", 200),
            entry("op", "watch", "queues", "", 200),
            entry("provider", "update", "queues", "status", 200));

    AuditCounts counts = AuditCounts.of(log, "op");

    assertThat(counts.writesByVerb()).isEqualTo(Map.of("create", 3L, "patch", 2L));
    assertThat(counts.writes()).isEqualTo(5);
    assertThat(counts.leaseWrites()).isEqualTo(1);
    assertThat(counts.eventWrites()).isEqualTo(1);
    assertThat(counts.statusWrites()).isEqualTo(1);
    assertThat(counts.rejected()).isEqualTo(1);
    assertThat(counts.reads()).isEqualTo(3);
  }

  @Test
  void writesPerPipelineAreByVerbInOrder() {
    AuditCounts counts =
        AuditCounts.of(
            List.of(
                entry("op", "patch", "queues", "", 200),
                entry("op", "create", "queues", "", 201),
                entry("op", "create", "topics", "", 201)),
            "op");

    assertThat(counts.writesPerPipeline(2)).isEqualTo("create 1.0, patch 0.5");
    assertThat(AuditCounts.of(List.of(), "op").writesPerPipeline(2)).isEqualTo("none");
  }

  static AuditLog.Entry entry(String user, String verb, String resource, String sub, int code) {
    return new AuditLog.Entry(user, verb, resource, sub, "ns", "x", code, "/apis/x");
  }
}
