package io.fraudpipeline.operator.cache;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fraudpipeline.operator.stack.ManagedKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the API server (SelfSubjectAccessReview) whether the operator may read a kind where it
 * watches, before an informer is started for it: an informer that cannot list fails the whole
 * operator's start, while a kind left unwatched only stalls the pipelines that need it.
 */
final class AccessReview {

  private static final Logger LOG = LoggerFactory.getLogger(AccessReview.class);

  /** What an informer does: an initial list, then a watch. */
  static final List<String> READ_VERBS = List.of("list", "watch");

  private AccessReview() {}

  /**
   * The first verb and namespace at which reading this kind is denied, as a message; empty when
   * every verb is allowed in every namespace.
   *
   * @param namespaces the watched namespaces; all of them when {@link #allNamespaces} says so
   */
  static Optional<String> readDenied(
      KubernetesClient client, ManagedKind kind, Set<String> namespaces, boolean allNamespaces) {
    List<String> scopes = allNamespaces ? List.of("") : new ArrayList<>(namespaces);
    for (String namespace : scopes) {
      for (String verb : READ_VERBS) {
        if (!allowed(client, kind, verb, namespace)) {
          return Optional.of(
              AccessDeniedException.message(verb, kind.plural(), kind.group(), namespace)
                  + "; it is checked again on each pass of a pipeline that needs it");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the server allows the verb. A server that does not evaluate reviews (no authorizer,
   * such as a mock) or refuses to is taken at its word for nothing: the verb is assumed allowed and
   * a real denial then shows as a 403 where it is used.
   */
  private static boolean allowed(
      KubernetesClient client, ManagedKind kind, String verb, String namespace) {
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withNewResourceAttributes()
            .withGroup(kind.group())
            .withResource(kind.plural())
            .withVerb(verb)
            .withNamespace(namespace)
            .endResourceAttributes()
            .endSpec()
            .build();
    try {
      SelfSubjectAccessReview answer =
          client.authorization().v1().selfSubjectAccessReview().create(review);
      return answer.getStatus() == null
          || answer.getStatus().getAllowed() == null
          || answer.getStatus().getAllowed();
    } catch (KubernetesClientException e) {
      LOG.debug("access review for {} {} not answered: {}", verb, kind.crdName(), e.getMessage());
      return true;
    }
  }
}
