package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import io.fraudpipeline.operator.model.Ownership;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes MRs: server-side apply with field manager {@value Ownership#FIELD_MANAGER} in production;
 * create and optimistic-locking update where the API has no SSA (the fabric8 mock server).
 *
 * <p>A new MR is created with a plain create even with SSA on: an apply would silently take over an
 * object of the same name that is not this pipeline's, a create fails on it. The create's
 * field-ownership entry is then turned into this operator's apply entry, so a field later left out
 * of an apply is removed rather than kept by the create's entry.
 */
final class ManagedResourceWriter {

  private final KubernetesClient client;
  private final boolean serverSideApply;
  private final OperatorMetrics metrics;

  ManagedResourceWriter(KubernetesClient client, boolean serverSideApply, OperatorMetrics metrics) {
    this.client = client;
    this.serverSideApply = serverSideApply;
    this.metrics = metrics;
  }

  void create(ManagedResource desired) {
    counted(
        desired,
        "create",
        () -> {
          HasMetadata created = createUnlessCached(desired);
          if (serverSideApply && created != null) {
            ownAsApplier(created);
          }
        });
  }

  /**
   * Creates the MR. A 409 "already exists" for an MR of this pipeline means an earlier pass created
   * it and its informer has not delivered it yet (each kind has its own watch): not an error, its
   * event will bring the pipeline back. An MR of the same name that is not this pipeline's is a
   * real conflict, reported as such. Returns the created object, or null when it existed.
   */
  private HasMetadata createUnlessCached(ManagedResource desired) {
    try {
      return client.resource(desired).create();
    } catch (KubernetesClientException e) {
      HasMetadata existing =
          e.getCode() == HttpURLConnection.HTTP_CONFLICT ? client.resource(desired).get() : null;
      if (existing == null) {
        throw e; // another conflict, or gone again: the retry decides
      }
      String pipeline = label(desired, Ownership.PIPELINE_LABEL);
      if (!pipeline.equals(label(existing, Ownership.PIPELINE_LABEL))
          || !Ownership.MANAGED_BY.equals(label(existing, Ownership.MANAGED_BY_LABEL))) {
        throw new NameTakenException(desired, existing);
      }
      return null;
    }
  }

  /**
   * Makes the create's managed-fields entry (an Update by the client's default manager) this
   * operator's Apply entry, guarded by the resource version. If anything wrote in between, the
   * entry stays an Update: the MR is right, but a field later removed from the spec would stay.
   */
  private void ownAsApplier(HasMetadata object) {
    List<ManagedFieldsEntry> entries = object.getMetadata().getManagedFields();
    if (entries == null || entries.stream().noneMatch(ManagedResourceWriter::isCreateEntry)) {
      return;
    }
    List<ManagedFieldsEntry> converted = new ArrayList<>();
    for (ManagedFieldsEntry e : entries) {
      if (isCreateEntry(e)) {
        converted.add(
            new ManagedFieldsEntryBuilder(e)
                .withManager(Ownership.FIELD_MANAGER)
                .withOperation("Apply")
                .build());
      } else {
        converted.add(e);
      }
    }
    List<Map<String, Object>> patch =
        List.of(
            Map.of(
                "op",
                "test",
                "path",
                "/metadata/resourceVersion",
                "value",
                object.getMetadata().getResourceVersion()),
            Map.of("op", "replace", "path", "/metadata/managedFields", "value", converted));
    try {
      client.resource(object).patch(PatchContext.of(PatchType.JSON), Serialization.asJson(patch));
    } catch (KubernetesClientException e) {
      // changed meanwhile (a provider's first status write): left as it is, see above
    }
  }

  /** In a create's response, the entry of that create (the only one without a subresource). */
  private static boolean isCreateEntry(ManagedFieldsEntry e) {
    return "Update".equals(e.getOperation())
        && (e.getSubresource() == null || e.getSubresource().isEmpty());
  }

  private static String label(HasMetadata object, String key) {
    var labels = object.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  void update(ManagedResource desired, GenericKubernetesResource actual) {
    if (serverSideApply) {
      counted(desired, "apply", () -> apply(desired));
    } else {
      // merge into what is there, keeping what the provider late-initialized; the
      // resourceVersion makes a concurrent change a 409, retried on the next pass
      GenericKubernetesResource merged = mergedInto(desired, actual);
      counted(desired, "update", () -> client.resource(merged).update());
    }
  }

  void delete(HasMetadata actual) {
    counted(actual, "delete", () -> client.resource(actual).delete());
  }

  private void counted(HasMetadata mr, String verb, Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      metrics.writeFailed(mr.getKind(), verb);
      throw e;
    }
    metrics.written(mr.getKind(), verb);
  }

  private void apply(ManagedResource desired) {
    client
        .resource(desired)
        .fieldManager(Ownership.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  @SuppressWarnings("unchecked")
  static GenericKubernetesResource mergedInto(
      ManagedResource desired, GenericKubernetesResource actual) {
    ManagedResource merged;
    try {
      merged = desired.getClass().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    merged.setApiVersion(desired.getApiVersion());
    merged.setKind(desired.getKind());
    // a copy: actual is the informer's cached object, which must keep saying what the cluster
    // holds if this update fails
    merged.setMetadata(new ObjectMetaBuilder(actual.getMetadata()).build());
    merged
        .getMetadata()
        .setLabels(union(actual.getMetadata().getLabels(), desired.getMetadata().getLabels()));
    merged
        .getMetadata()
        .setAnnotations(
            union(actual.getMetadata().getAnnotations(), desired.getMetadata().getAnnotations()));
    if (desired.getMetadata().getOwnerReferences() != null) {
      merged.getMetadata().setOwnerReferences(desired.getMetadata().getOwnerReferences());
    }
    Object spec =
        deepMerge(
            actual.getAdditionalProperties().get("spec"),
            desired.getAdditionalProperties().get("spec"));
    merged.setAdditionalProperty("spec", spec);
    return merged;
  }

  private static Map<String, String> union(
      Map<String, String> actual, Map<String, String> desired) {
    Map<String, String> out = new LinkedHashMap<>();
    if (actual != null) {
      out.putAll(actual);
    }
    if (desired != null) {
      out.putAll(desired);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object deepMerge(Object actual, Object desired) {
    if (desired instanceof Map<?, ?> d && actual instanceof Map<?, ?> a) {
      Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) a);
      for (Map.Entry<String, Object> e : ((Map<String, Object>) d).entrySet()) {
        out.put(e.getKey(), deepMerge(out.get(e.getKey()), e.getValue()));
      }
      return out;
    }
    return desired;
  }
}
