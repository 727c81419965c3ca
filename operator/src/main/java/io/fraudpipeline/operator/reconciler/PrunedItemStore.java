package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fraudpipeline.operator.crossplane.CachedFields;
import io.fraudpipeline.operator.crossplane.CompactTrees;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;

/**
 * An informer cache of MRs that keeps only what the operator reads ({@link CachedFields}), in
 * compact immutable form ({@link CompactTrees}).
 */
final class PrunedItemStore<R extends ManagedResource> extends BasicItemStore<R> {

  PrunedItemStore() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public R put(String key, R mr) {
    return super.put(key, CompactTrees.compacted(CachedFields.pruned(mr)));
  }
}
