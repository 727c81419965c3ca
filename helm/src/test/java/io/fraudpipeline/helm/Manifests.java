package io.fraudpipeline.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects of one `helm template` run, as fabric8 models and as plain trees. */
final class Manifests {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final List<JsonNode> trees;
  private final List<HasMetadata> objects;

  private Manifests(List<JsonNode> trees) {
    this.trees = List.copyOf(trees);
    this.objects =
        trees.stream().map(t -> SERIALIZATION.convertValue(t, HasMetadata.class)).toList();
  }

  static Manifests parse(String multiDocumentYaml) {
    List<JsonNode> trees = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
          trees.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("helm template printed invalid YAML", e);
    }
    return new Manifests(trees);
  }

  List<HasMetadata> all() {
    return objects;
  }

  List<JsonNode> trees() {
    return trees;
  }

  <T extends HasMetadata> List<T> ofType(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<HasMetadata> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
  }

  <T extends HasMetadata> T single(Class<T> type) {
    List<T> found = ofType(type);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + type.getSimpleName() + ", found " + found.size() + ": " + names(found));
    }
    return found.get(0);
  }

  <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
    return ofType(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(JsonNode tree) {
    return YAML.convertValue(tree, Map.class);
  }

  private static List<String> names(List<? extends HasMetadata> objects) {
    return objects.stream()
        .map(
            o ->
                o.getKind()
                    + "/"
                    + o.getMetadata().getNamespace()
                    + "/"
                    + o.getMetadata().getName())
        .toList();
  }
}
