package io.fraudpipeline.operator.cache;

import io.fraudpipeline.operator.stack.ManagedKind;

/** The API server refused the operator a write (403): the message names the verb and resource. */
public final class AccessDeniedException extends RuntimeException {

  public AccessDeniedException(String verb, ManagedKind kind, String namespace) {
    super(message(verb, kind.plural(), kind.group(), namespace));
  }

  /** A resource of the core API group (ConfigMaps): its plural names it alone. */
  public AccessDeniedException(String verb, String corePlural, String namespace) {
    super(message(verb, corePlural, "", namespace));
  }

  /**
   * "the operator's service account may not VERB PLURAL.GROUP in namespace NS: grant ...", the
   * namespace empty for all namespaces.
   */
  public static String message(String verb, String plural, String group, String namespace) {
    String where =
        namespace == null || namespace.isEmpty()
            ? "in all namespaces (a ClusterRole)"
            : "in namespace " + namespace;
    String resource = group.isEmpty() ? plural : plural + "." + group;
    String apiGroup = group.isEmpty() ? "the core API group" : "API group " + group;
    return "the operator's service account may not "
        + verb
        + " "
        + resource
        + " "
        + where
        + ": grant it get, list, watch, create, update, patch and delete on "
        + plural
        + " in "
        + apiGroup
        + " as the chart's role does";
  }
}
