package io.fraudpipeline.benchmarks.scale;

import io.fraudpipeline.testing.cluster.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One user's requests from the audit log: accepted writes by verb, apart from leader-election lease
 * renewals (a constant rate, not a cost of the pipelines, counted on their own), and reads.
 *
 * @param writesByVerb accepted writes (code below 400) other than leases, by verb
 * @param leaseWrites writes to coordination.k8s.io leases
 * @param eventWrites of those, writes of Kubernetes Events
 * @param statusWrites of those, writes of a status subresource
 * @param rejected writes the server refused (conflicts, validation errors)
 * @param reads get, list and watch requests, and access reviews
 */
record AuditCounts(
    Map<String, Long> writesByVerb,
    long leaseWrites,
    long eventWrites,
    long statusWrites,
    long rejected,
    long reads) {

  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

  static AuditCounts of(List<AuditLog.Entry> entries, String user) {
    Map<String, Long> byVerb = new TreeMap<>();
    long leases = 0;
    long events = 0;
    long status = 0;
    long rejected = 0;
    long reads = 0;
    for (AuditLog.Entry e : entries) {
      if (!e.user().equals(user)) {
        continue;
      }
      // a create of a *review (access checks) writes nothing: it asks
      if (READ_VERBS.contains(e.verb()) || e.resource().endsWith("reviews")) {
        reads++;
      } else if (e.isWrite()) {
        if (e.resource().equals("leases")) {
          leases++;
        } else if (e.code() >= 400) {
          rejected++;
        } else {
          byVerb.merge(e.verb(), 1L, Long::sum);
          events += e.resource().equals("events") ? 1 : 0;
          status += e.subresource().equals("status") ? 1 : 0;
        }
      }
    }
    return new AuditCounts(Map.copyOf(byVerb), leases, events, status, rejected, reads);
  }

  /** Accepted writes other than leases. */
  long writes() {
    return writesByVerb.values().stream().mapToLong(Long::longValue).sum();
  }

  /** e.g. {@code create 38.0, patch 1.0} per pipeline. */
  String writesPerPipeline(int pipelines) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(writesByVerb)
        .forEach(
            (verb, n) ->
                out.append(out.isEmpty() ? "" : ", ")
                    .append(verb)
                    .append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.1f", n / (double) pipelines)));
    return out.isEmpty() ? "none" : out.toString();
  }
}
