package io.fraudpipeline.testing.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates Kubernetes objects against the CRDs that define them the way an API server would, and
 * stricter: it prunes nulls and applies schema defaults first, then checks types, formats, ranges
 * and enums, reports unknown fields (which a server would silently drop) and evaluates every {@code
 * x-kubernetes-validations} CEL rule. No API server is available here; this is the closest honest
 * stand-in, built on a real JSON-schema validator and a real CEL engine.
 */
public final class CrdValidator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

  private final Map<String, JsonNode> schemasByGvk;
  private final StructuralValidator structural = new StructuralValidator();
  private final CelRules cel = new CelRules();

  private CrdValidator(Map<String, JsonNode> schemasByGvk) {
    this.schemasByGvk = schemasByGvk;
  }

  /** Loads every CustomResourceDefinition found in the given files and directories (recursive). */
  public static CrdValidator load(Path... filesOrDirectories) {
    Map<String, JsonNode> schemas = new HashMap<>();
    for (Path root : filesOrDirectories) {
      if (!Files.exists(root)) {
        throw new IllegalArgumentException("CRD location does not exist: " + root.toAbsolutePath());
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(CrdValidator::isYaml).sorted().toList()) {
          for (JsonNode doc : readYaml(Files.readString(file))) {
            addCrd(doc, schemas);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (schemas.isEmpty()) {
      throw new IllegalArgumentException("no CustomResourceDefinition found in the given paths");
    }
    return new CrdValidator(schemas);
  }

  /** Loads CRDs from YAML text (one or more documents). */
  public static CrdValidator fromYaml(String yaml) {
    Map<String, JsonNode> schemas = new HashMap<>();
    readYaml(yaml).forEach(doc -> addCrd(doc, schemas));
    return new CrdValidator(schemas);
  }

  /** All documents of a YAML text, unwrapping {@code kind: List}, skipping empty documents. */
  public static List<JsonNode> readYaml(String yaml) {
    List<JsonNode> docs = new ArrayList<>();
    try (var parser = YAML.createParser(yaml)) {
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode doc = it.next();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        if ("List".equals(doc.path("kind").asText()) && doc.has("items")) {
          doc.get("items").forEach(docs::add);
        } else {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  public boolean knows(String apiVersion, String kind) {
    return schemasByGvk.containsKey(apiVersion + "/" + kind);
  }

  /**
   * The problems of one object, each {@code Kind/name: path: message}; empty when it is valid.
   *
   * @param object a Map, a JsonNode, or anything Jackson can serialize (fabric8 resources)
   */
  public List<String> validate(Object object) {
    ObjectNode node = JSON.valueToTree(object);
    String kind = node.path("kind").asText();
    String ident = kind + "/" + node.path("metadata").path("name").asText("?");
    JsonNode schema = schemasByGvk.get(node.path("apiVersion").asText() + "/" + kind);
    if (schema == null) {
      return List.of(ident + ": no CRD for " + node.path("apiVersion").asText() + " " + kind);
    }
    ObjectNode body = node.deepCopy();
    body.remove("status");
    Defaulting.pruneNullsAndApplyDefaults(schema, body);

    List<String> problems = new ArrayList<>();
    structural.validate(schema, body).forEach(p -> problems.add(ident + ": " + p));
    cel.evaluate(schema, body).forEach(p -> problems.add(ident + ": " + p));
    return problems;
  }

  /** The object as the API server would store it: nulls pruned, defaults applied. */
  public JsonNode defaulted(Object object) {
    ObjectNode node = JSON.valueToTree(object);
    JsonNode schema =
        schemasByGvk.get(node.path("apiVersion").asText() + "/" + node.path("kind").asText());
    if (schema == null) {
      throw new IllegalArgumentException("no CRD for " + node.path("apiVersion").asText());
    }
    Defaulting.pruneNullsAndApplyDefaults(schema, node);
    return node;
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  private static void addCrd(JsonNode doc, Map<String, JsonNode> schemas) {
    if (!"CustomResourceDefinition".equals(doc.path("kind").asText())) {
      return;
    }
    JsonNode spec = doc.get("spec");
    String group = spec.path("group").asText();
    String kind = spec.path("names").path("kind").asText();
    for (JsonNode version : spec.path("versions")) {
      schemas.put(
          group + "/" + version.path("name").asText() + "/" + kind,
          version.path("schema").path("openAPIV3Schema"));
    }
  }
}
