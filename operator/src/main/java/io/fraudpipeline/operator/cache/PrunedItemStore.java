package io.fraudpipeline.operator.cache;

import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.stack.ManagedObject;

/**
 * An informer cache of MRs that keeps only what the operator reads (its backend's {@link
 * StackBackend#pruned}), in compact immutable form ({@link CompactTrees}).
 */
final class PrunedItemStore<R extends ManagedObject> extends BasicItemStore<R> {

  private final StackBackend backend;

  PrunedItemStore(StackBackend backend) {
    super(Cache::metaNamespaceKeyFunc);
    this.backend = backend;
  }

  @Override
  public R put(String key, R mr) {
    return super.put(key, CompactTrees.compacted(backend.pruned(mr)));
  }
}
