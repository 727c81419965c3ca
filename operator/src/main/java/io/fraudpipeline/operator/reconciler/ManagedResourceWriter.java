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
import io.fraudpipeline.api.v1alpha1.PipelineAnnotations;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.cache.AccessDeniedException;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.stack.ControllerPause;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes MRs with server-side apply, field manager {@value Ownership#FIELD_MANAGER}.
 *
 * <p>A new MR is created with a plain create (never an apply): an apply would silently take over an
 * object of the same name that is not this pipeline's, a create fails on it. The create's
 * field-ownership entry (an Update named after the client's user agent) is turned into this
 * operator's Apply entry before the first apply to the MR, so a field later left out of an apply is
 * removed rather than kept by the create's entry. Most MRs are never applied to after their create:
 * they cost one write, not two.
 */
final class ManagedResourceWriter {

  /** The field manager of the pause marks, apart from the stack's own fields. */
  static final String PAUSE_MANAGER = Ownership.FIELD_MANAGER + "-pause";

  /** Tries at taking over an MR's fields; each lost race is one provider write. */
  private static final int OWNERSHIP_ATTEMPTS = 5;

  private static final Pattern RBAC_DENIAL = Pattern.compile(" cannot \\S+ resource ");

  private final Backends backends;
  private final KubernetesClient client;
  private final OperatorMetrics metrics;

  ManagedResourceWriter(Backends backends, KubernetesClient client, OperatorMetrics metrics) {
    this.backends = backends;
    this.client = client;
    this.metrics = metrics;
  }

  void create(ManagedObject desired) {
    counted(desired, "create", () -> createUnlessCached(desired));
  }

  /**
   * Creates the MR. A 409 "already exists" for an MR of this pipeline means an earlier pass created
   * it and its informer has not delivered it yet (each kind has its own watch): not an error, its
   * event will bring the pipeline back. An MR of the same name that is not this pipeline's is a
   * real conflict, reported as such. A namespace being deleted refuses every create: nothing to do,
   * the pipeline goes with it.
   */
  private void createUnlessCached(ManagedObject desired) {
    try {
      client.resource(desired).create();
    } catch (KubernetesClientException e) {
      if (namespaceTerminating(e)) {
        return;
      }
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
    }
  }

  /**
   * Makes the entry of this operator's create (an Update by the manager the server names after the
   * client's user agent) this operator's Apply entry, once, before the first apply. The informer
   * cache keeps no managed fields, so the object is read; each attempt is guarded by the resource
   * version, and a provider writing status meanwhile makes it read again.
   */
  private void ownAsApplier(ManagedObject desired) {
    String createManager = createManager();
    HasMetadata current = client.resource(desired).get();
    KubernetesClientException lost = null;
    for (int attempt = 0; attempt < OWNERSHIP_ATTEMPTS && current != null; attempt++) {
      List<ManagedFieldsEntry> entries = current.getMetadata().getManagedFields();
      if (entries == null
          || entries.stream().noneMatch(e -> isSpecUpdateBy(e, createManager))
          || entries.stream().anyMatch(ManagedResourceWriter::isOwnApply)) {
        return; // taken over already, or never ours to take
      }
      List<ManagedFieldsEntry> converted =
          entries.stream()
              .map(
                  e ->
                      isSpecUpdateBy(e, createManager)
                          ? new ManagedFieldsEntryBuilder(e)
                              .withManager(Ownership.FIELD_MANAGER)
                              .withOperation("Apply")
                              .build()
                          : e)
              .toList();
      List<Map<String, Object>> patch =
          List.of(
              Map.of(
                  "op",
                  "test",
                  "path",
                  "/metadata/resourceVersion",
                  "value",
                  current.getMetadata().getResourceVersion()),
              Map.of("op", "replace", "path", "/metadata/managedFields", "value", converted));
      try {
        client
            .resource(current)
            .patch(PatchContext.of(PatchType.JSON), Serialization.asJson(patch));
        return;
      } catch (KubernetesClientException e) {
        if (deniedByRbac(e)) {
          throw e; // counted() names the apply's verb, patch, which this is too
        }
        lost = e;
        current = client.resource(current).get();
      }
    }
    if (lost != null && current != null) {
      // applying now would leave fields the create owns behind: the pass is retried instead
      throw lost;
    }
  }

  /** The manager the API server records for a create or update: the user agent up to its '/'. */
  private String createManager() {
    String agent = client.getConfiguration().getUserAgent();
    if (agent == null || agent.isEmpty()) {
      return "";
    }
    int slash = agent.indexOf('/');
    return slash < 0 ? agent : agent.substring(0, slash);
  }

  private static boolean isSpecUpdateBy(ManagedFieldsEntry e, String manager) {
    return isSpecUpdate(e) && e.getManager().equals(manager);
  }

  private static boolean isOwnApply(ManagedFieldsEntry e) {
    return "Apply".equals(e.getOperation()) && Ownership.FIELD_MANAGER.equals(e.getManager());
  }

  /** An entry of a create or update of the spec (not of status) without SSA. */
  private static boolean isSpecUpdate(ManagedFieldsEntry e) {
    return "Update".equals(e.getOperation())
        && e.getManager() != null
        && (e.getSubresource() == null || e.getSubresource().isEmpty());
  }

  private static String label(HasMetadata object, String key) {
    var labels = object.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  void update(ManagedObject desired, GenericKubernetesResource actual) {
    counted(
        desired,
        "apply",
        () -> {
          ownAsApplier(desired);
          apply(desired);
        });
  }

  /**
   * Marks the MR paused for its controller, and as paused through its pipeline, by server-side
   * apply of the two annotations as a field manager of their own: {@link #resume} removes exactly
   * them, whatever else the operator or anyone owns.
   */
  void pause(GenericKubernetesResource actual, ControllerPause pause) {
    GenericKubernetesResource marks = bare(actual);
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(pause.annotation(), "true");
    annotations.put(PipelineAnnotations.PAUSED, "true");
    marks.getMetadata().setAnnotations(annotations);
    counted(actual, "pause", () -> applyPauseMarks(marks));
  }

  /** Removes what {@link #pause} set: an apply of nothing by the same manager. */
  void resume(GenericKubernetesResource actual) {
    counted(actual, "resume", () -> applyPauseMarks(bare(actual)));
  }

  /** Whether the MR carries the marks of {@link #pause}. */
  static boolean pausedByPipeline(GenericKubernetesResource actual) {
    var annotations = actual.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(PipelineAnnotations.PAUSED));
  }

  private static GenericKubernetesResource bare(GenericKubernetesResource actual) {
    GenericKubernetesResource bare = new GenericKubernetesResource();
    bare.setApiVersion(actual.getApiVersion());
    bare.setKind(actual.getKind());
    bare.setMetadata(
        new ObjectMetaBuilder()
            .withName(actual.getMetadata().getName())
            .withNamespace(actual.getMetadata().getNamespace())
            .build());
    return bare;
  }

  private void applyPauseMarks(GenericKubernetesResource marks) {
    client.resource(marks).fieldManager(PAUSE_MANAGER).forceConflicts().serverSideApply();
  }

  void delete(HasMetadata actual) {
    counted(actual, "delete", () -> client.resource(actual).delete());
  }

  private void counted(HasMetadata mr, String verb, Runnable write) {
    try {
      write.run();
    } catch (KubernetesClientException e) {
      metrics.writeFailed(mr.getKind(), verb);
      if (deniedByRbac(e)) {
        throw forbidden(mr, verb, e);
      }
      throw e;
    } catch (RuntimeException e) {
      metrics.writeFailed(mr.getKind(), verb);
      throw e;
    }
    metrics.written(mr.getKind(), verb);
  }

  private static boolean namespaceTerminating(KubernetesClientException e) {
    return e.getCode() == HttpURLConnection.HTTP_FORBIDDEN
        && e.getStatus() != null
        && e.getStatus().getDetails() != null
        && e.getStatus().getDetails().getCauses() != null
        && e.getStatus().getDetails().getCauses().stream()
            .anyMatch(c -> "NamespaceTerminating".equals(c.getReason()));
  }

  /**
   * A 403 of the authorizer ("User ... cannot create resource ..."), not one of the server's other
   * refusals: a create while the kind's CRD is being deleted is a 403 too ("create not allowed
   * while custom resource definition is terminating"), which the CRD check reports instead.
   */
  static boolean deniedByRbac(KubernetesClientException e) {
    String message = e.getStatus() == null ? null : e.getStatus().getMessage();
    return e.getCode() == HttpURLConnection.HTTP_FORBIDDEN
        && message != null
        && RBAC_DENIAL.matcher(message).find();
  }

  /** The verb as RBAC names it (an apply is a patch) and the kind's resource. */
  private AccessDeniedException forbidden(
      HasMetadata mr, String verb, KubernetesClientException e) {
    // an apply, and the pause marks' applies, are patches to RBAC
    String rbacVerb = verb.equals("create") || verb.equals("delete") ? verb : "patch";
    ManagedKind kind = backends.find(mr.getApiVersion(), mr.getKind()).orElseThrow(() -> e);
    return new AccessDeniedException(rbacVerb, kind, mr.getMetadata().getNamespace());
  }

  private void apply(ManagedObject desired) {
    client
        .resource(desired)
        .fieldManager(Ownership.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }
}
