package io.fraudpipeline.operator.reconciler;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAME;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAMESPACE;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.HttpURLConnection;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The fabric8 mock server's CRUD dispatcher with an index by namespace and name, for the scale
 * benchmark. The stock dispatcher finds an object by scanning every stored object, so each request
 * costs O(objects) and N pipelines cost O(N²): at 250 pipelines (9,500 MRs) it took most of the
 * wall time. Here a read or write of one named object looks at the few objects sharing its name;
 * lists, watches, deletes, the stored JSON, resource versions and watch events stay the stock
 * dispatcher's. {@code IndexedCrudDispatcherTest} replays one sequence of requests against both and
 * compares every answer.
 */
final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

  /** Stored objects by "namespace/name" (cluster-scoped: "/name"), as keyed in the stored map. */
  private final Map<String, Set<AttributeSet>> byName = new HashMap<>();

  /** Outside the stock dispatcher's own lock, so index and map change together. */
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    return writing(() -> super.handleCreate(request));
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    return writing(() -> super.handleUpdate(request));
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    return writing(() -> super.handlePatch(request));
  }

  @Override
  public MockResponse handleDelete(String path) {
    return writing(() -> super.handleDelete(path));
  }

  @Override
  public MockResponse handleGet(String path) {
    lock.readLock().lock();
    try {
      AttributeSet query = getKey(path);
      if (path.contains("watch=true") || exact(query.getAttribute(NAME)) == null) {
        return super.handleGet(path);
      }
      Map.Entry<AttributeSet, String> found = findResource(query);
      return found == null
          ? new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)
          : new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(found.getValue());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The first stored object matching the query, as the stock scan finds it. A query naming one
   * object in one namespace looks only at that name there; one without a namespace looks at the
   * cluster-scoped objects of that name first, and scans when none matches (it may ask for a
   * namespaced object across namespaces).
   */
  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    String name = exact(query.getAttribute(NAME));
    if (name == null) {
      return super.findResource(query);
    }
    Attribute namespace = query.getAttribute(NAMESPACE);
    if (namespace != null) {
      String ns = exact(namespace);
      return ns == null ? super.findResource(query) : lookUp(ns + "/" + name, query);
    }
    Map.Entry<AttributeSet, String> clusterScoped = lookUp("/" + name, query);
    return clusterScoped != null ? clusterScoped : super.findResource(query);
  }

  /** Called by the stock handlers for every change; keeps the index in step with the map. */
  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (oldAttributes != null) {
      forget(oldAttributes);
    }
    if (newState != null) {
      remember(storedKey(pathAttributes, resource, newState));
    }
  }

  @Override
  public void reset() {
    writing(
        () -> {
          super.reset();
          byName.clear();
          return null;
        });
  }

  /** The key the stock dispatcher stores a new state under (the same derivation it uses). */
  private AttributeSet storedKey(
      AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
    var extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet attributes =
        resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
    return attributes.containsKey(KubernetesAttributesExtractor.PLURAL)
        ? attributes
        : AttributeSet.merge(pathAttributes, attributes);
  }

  private Map.Entry<AttributeSet, String> lookUp(String key, AttributeSet query) {
    for (AttributeSet stored : byName.getOrDefault(key, Set.of())) {
      String json = map.get(stored);
      if (json != null && stored.matches(query)) {
        return new AbstractMap.SimpleImmutableEntry<>(stored, json);
      }
    }
    return null;
  }

  private void remember(AttributeSet stored) {
    String key = indexKey(stored);
    if (key != null) {
      byName.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(stored);
    }
  }

  private void forget(AttributeSet stored) {
    if (map.containsKey(stored)) {
      return; // stored again under the same key by this change
    }
    String key = indexKey(stored);
    Set<AttributeSet> named = key == null ? null : byName.get(key);
    if (named != null) {
      named.remove(stored);
      if (named.isEmpty()) {
        byName.remove(key);
      }
    }
  }

  /** Where a stored object is indexed: "namespace/name", or "/name" when cluster-scoped. */
  private static String indexKey(AttributeSet stored) {
    String name = exact(stored.getAttribute(NAME));
    if (name == null) {
      return null;
    }
    Attribute namespace = stored.getAttribute(NAMESPACE);
    if (namespace == null) {
      return "/" + name;
    }
    String ns = exact(namespace);
    return ns == null ? null : ns + "/" + name;
  }

  private static String exact(Attribute attribute) {
    return attribute != null
            && attribute.getType() == AttributeType.WITH
            && attribute.getValues().size() == 1
        ? attribute.getValues().get(0).toString()
        : null;
  }

  private <T> T writing(Supplier<T> change) {
    lock.writeLock().lock();
    try {
      return change.get();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
