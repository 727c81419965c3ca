package io.fraudpipeline.helm;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads RBAC rules the way the API server applies them: a union over every rule that matches. */
final class Rules {

  /** The group suffix of Crossplane v2 namespaced AWS managed resources. */
  static final String CROSSPLANE_AWS_GROUP_SUFFIX = ".aws.m.upbound.io";

  /** The group suffix of ACK resources. */
  static final String ACK_GROUP_SUFFIX = ".services.k8s.aws";

  private Rules() {}

  static List<PolicyRule> allRules(Manifests manifests) {
    List<PolicyRule> rules = new ArrayList<>();
    manifests.ofType(ClusterRole.class).forEach(r -> rules.addAll(r.getRules()));
    manifests.ofType(Role.class).forEach(r -> rules.addAll(r.getRules()));
    return rules;
  }

  /**
   * Every verb granted on group/resource by any of the rules (a verb granted twice counts twice).
   */
  static List<String> verbs(List<PolicyRule> rules, String group, String resource) {
    List<String> verbs = new ArrayList<>();
    for (PolicyRule rule : rules) {
      if (rule.getApiGroups().contains(group) && rule.getResources().contains(resource)) {
        verbs.addAll(rule.getVerbs());
      }
    }
    return verbs;
  }

  /** "resource.group" of every Crossplane AWS managed resource the rules grant. */
  static Set<String> crossplaneResources(List<PolicyRule> rules) {
    Set<String> resources = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        if (group.endsWith(CROSSPLANE_AWS_GROUP_SUFFIX)) {
          rule.getResources().forEach(resource -> resources.add(resource + "." + group));
        }
      }
    }
    return resources;
  }

  /** Resources of ACK groups the rules grant, as resource.group. */
  static Set<String> ackResources(List<PolicyRule> rules) {
    Set<String> resources = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        if (group.endsWith(ACK_GROUP_SUFFIX)) {
          rule.getResources().forEach(resource -> resources.add(resource + "." + group));
        }
      }
    }
    return resources;
  }
}
