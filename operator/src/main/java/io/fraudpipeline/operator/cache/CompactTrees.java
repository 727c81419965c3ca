package io.fraudpipeline.operator.cache;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable, deduplicated copies of the JSON trees of MRs held in the informer cache. Jackson reads
 * every object into a {@code LinkedHashMap} sized for 16 entries, most of them holding two or
 * three, and every string anew, though tags, labels, regions, conditions and owner references
 * repeat across a pipeline's MRs and across pipelines. Compact immutable collections and interned
 * strings keep the same content in about half the heap; immutability also makes any later write
 * into a cached object fail loudly instead of silently changing what the operator believes is in
 * the cluster.
 */
public final class CompactTrees {

  private CompactTrees() {}

  /** Compacts the MR's trees and metadata, in place where fabric8 owns the container. */
  public static <R extends GenericKubernetesResource> R compacted(R mr) {
    mr.getAdditionalProperties().replaceAll((key, value) -> compact(value));
    if (mr.getMetadata() != null) {
      compactMetadata(mr.getMetadata());
    }
    return mr;
  }

  /**
   * A compact copy: maps and lists immutable (order kept where there are nulls), strings shared.
   */
  @SuppressWarnings("unchecked")
  static Object compact(Object value) {
    if (value instanceof String s) {
      return s.intern();
    }
    if (value instanceof Map<?, ?> map) {
      return compactMap((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return compactList(list);
    }
    return value;
  }

  private static Map<String, Object> compactMap(Map<String, ?> map) {
    if (map.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
    boolean hasNull = false;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      Object value = compact(e.getValue());
      hasNull |= value == null;
      copy.put(e.getKey().intern(), value);
    }
    // Map.copyOf takes no null value; an explicit null is rare enough to keep the roomier form
    return hasNull ? Collections.unmodifiableMap(copy) : Map.copyOf(copy);
  }

  private static List<Object> compactList(List<?> list) {
    List<Object> copy = new ArrayList<>(list.size());
    boolean hasNull = false;
    for (Object item : list) {
      Object value = compact(item);
      hasNull |= value == null;
      copy.add(value);
    }
    return hasNull ? Collections.unmodifiableList(copy) : List.copyOf(copy);
  }

  @SuppressWarnings("unchecked")
  private static void compactMetadata(ObjectMeta metadata) {
    if (metadata.getLabels() != null) {
      metadata.setLabels((Map<String, String>) (Map<?, ?>) compactMap(metadata.getLabels()));
    }
    if (metadata.getAnnotations() != null) {
      metadata.setAnnotations(
          (Map<String, String>) (Map<?, ?>) compactMap(metadata.getAnnotations()));
    }
    if (metadata.getFinalizers() != null) {
      metadata.setFinalizers(metadata.getFinalizers().stream().map(CompactTrees::intern).toList());
    }
    if (metadata.getNamespace() != null) {
      metadata.setNamespace(metadata.getNamespace().intern());
    }
    if (metadata.getCreationTimestamp() != null) {
      metadata.setCreationTimestamp(metadata.getCreationTimestamp().intern());
    }
    if (metadata.getOwnerReferences() != null) {
      for (OwnerReference owner : metadata.getOwnerReferences()) {
        owner.setApiVersion(intern(owner.getApiVersion()));
        owner.setKind(intern(owner.getKind()));
        owner.setName(intern(owner.getName()));
        owner.setUid(intern(owner.getUid()));
      }
    }
  }

  private static String intern(String s) {
    return s == null ? null : s.intern();
  }
}
