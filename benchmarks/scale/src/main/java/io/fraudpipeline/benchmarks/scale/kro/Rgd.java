package io.fraudpipeline.benchmarks.scale.kro;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fixture ResourceGraphDefinition as data: its instance API and its resource templates. */
final class Rgd {

  /** A forEach the count can follow: over a list of the instance's spec, by a plain path. */
  private static final Pattern SPEC_LIST = Pattern.compile("\\$\\{schema\\.spec\\.([\\w.]+)}");

  private final GenericKubernetesResource resource;

  private Rgd(GenericKubernetesResource resource) {
    this.resource = resource;
  }

  static Rgd load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      GenericKubernetesResource r = Serialization.unmarshal(in, GenericKubernetesResource.class);
      if (!"ResourceGraphDefinition".equals(r.getKind())) {
        throw new IllegalArgumentException(
            file + ": not a ResourceGraphDefinition: " + r.getKind());
      }
      return new Rgd(r);
    }
  }

  /** A fresh copy to send to the server. */
  GenericKubernetesResource resource() {
    return Serialization.clone(resource);
  }

  String name() {
    return resource.getMetadata().getName();
  }

  /** The API version of the instances, {@code <group>/<version>}. */
  String instanceApiVersion() {
    return schema().get("group") + "/" + schema().get("apiVersion");
  }

  String instanceKind() {
    return (String) schema().get("kind");
  }

  /** The instance spec as the RGD declares it (SimpleSchema: field name to type or object). */
  @SuppressWarnings("unchecked")
  Map<String, Object> specSchema() {
    return (Map<String, Object>) schema().get("spec");
  }

  List<Template> templates() {
    List<Template> out = new ArrayList<>();
    for (Map<String, Object> r : resources()) {
      Map<String, Object> template = map(r.get("template"), "template of " + r.get("id"));
      Map<String, Object> metadata = map(template.get("metadata"), "metadata of " + r.get("id"));
      out.add(
          new Template(
              (String) r.get("id"),
              (String) template.get("apiVersion"),
              (String) template.get("kind"),
              (String) metadata.get("name"),
              forEachPath(r)));
    }
    return out;
  }

  /**
   * How many objects of each {@code apiVersion kind} one instance with this spec makes: one per
   * template, a forEach's as many as its list holds (none when the spec leaves the list out, the
   * schema's default being empty).
   */
  Map<String, Integer> objectCounts(Map<String, Object> instanceSpec) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Template t : templates()) {
      int n = t.forEachPath() == null ? 1 : listAt(instanceSpec, t.forEachPath()).size();
      counts.merge(t.apiVersion() + " " + t.kind(), n, Integer::sum);
    }
    return counts;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> schema() {
    Map<String, Object> spec = map(resource.getAdditionalProperties().get("spec"), "spec");
    return map(spec.get("schema"), "spec.schema");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> resources() {
    Map<String, Object> spec = map(resource.getAdditionalProperties().get("spec"), "spec");
    return (List<Map<String, Object>>) spec.get("resources");
  }

  @SuppressWarnings("unchecked")
  private static String forEachPath(Map<String, Object> r) {
    Object forEach = r.get("forEach");
    if (forEach == null) {
      return null;
    }
    List<Map<String, Object>> iterators = (List<Map<String, Object>>) forEach;
    if (iterators.size() != 1) {
      throw new IllegalStateException(r.get("id") + ": only one forEach iterator can be counted");
    }
    String expression = String.valueOf(iterators.get(0).values().iterator().next());
    Matcher m = SPEC_LIST.matcher(expression);
    if (!m.matches()) {
      throw new IllegalStateException(
          r.get("id")
              + ": cannot count a forEach over "
              + expression
              + " (only ${schema.spec.<path>})");
    }
    return m.group(1);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> listAt(Map<String, Object> spec, String path) {
    Object current = spec;
    for (String key : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return List.of();
      }
      current = ((Map<String, Object>) m).get(key);
    }
    if (current == null) {
      return List.of();
    }
    if (!(current instanceof List<?> list)) {
      throw new IllegalArgumentException("spec." + path + " is no list: " + current);
    }
    return (List<Object>) list;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new IllegalStateException("the RGD has no " + what);
    }
    return (Map<String, Object>) m;
  }

  /**
   * One resource of the graph.
   *
   * @param nameExpression its {@code metadata.name}, kro expressions unevaluated
   * @param forEachPath the spec list it iterates over, null for a single resource
   */
  record Template(
      String id, String apiVersion, String kind, String nameExpression, String forEachPath) {}
}
