package io.fraudpipeline.testing.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an object against a CRD's structural schema with a JSON-schema validator. The OpenAPI
 * schema is translated first: Kubernetes extensions removed, {@code int-or-string} and {@code
 * nullable} expressed in JSON-schema terms, and every object that lists its properties closed, so a
 * field the API server would prune shows up as an error instead.
 */
final class StructuralValidator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> DROPPED =
      Set.of(
          "description",
          "x-kubernetes-validations",
          "x-kubernetes-list-type",
          "x-kubernetes-list-map-keys",
          "x-kubernetes-map-type",
          "x-kubernetes-embedded-resource",
          "x-kubernetes-preserve-unknown-fields",
          "default",
          "example",
          "format",
          "nullable");

  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<JsonNode, JsonSchema> compiled = new IdentityHashMap<>();

  List<String> validate(JsonNode crdSchema, JsonNode object) {
    JsonSchema schema;
    synchronized (compiled) {
      schema = compiled.computeIfAbsent(crdSchema, s -> factory.getSchema(rootSchema(s)));
    }
    Set<ValidationMessage> messages = schema.validate(object);
    return messages.stream().map(StructuralValidator::describe).sorted().toList();
  }

  private static String describe(ValidationMessage m) {
    String location = m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
    String text = m.getMessage().replaceFirst("^\\$[^:]*: ", "");
    return (location.isEmpty() ? "<root>" : location) + ": " + text;
  }

  /** The root also admits apiVersion, kind and metadata, which CRD schemas often leave out. */
  private static JsonNode rootSchema(JsonNode openApi) {
    ObjectNode root = (ObjectNode) translate(openApi);
    ObjectNode properties = root.with("properties");
    properties.putIfAbsent("apiVersion", NODES.objectNode().put("type", "string"));
    properties.putIfAbsent("kind", NODES.objectNode().put("type", "string"));
    properties.set("metadata", NODES.objectNode().put("type", "object"));
    root.put("additionalProperties", false);
    return root;
  }

  private static JsonNode translate(JsonNode s) {
    if (!s.isObject()) {
      return s;
    }
    ObjectNode out = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (DROPPED.contains(key)) {
        continue;
      }
      switch (key) {
        case "x-kubernetes-int-or-string" -> {
          out.remove("type");
          ArrayNode anyOf = out.putArray("anyOf");
          anyOf.addObject().put("type", "integer");
          anyOf.addObject().put("type", "string");
        }
        case "properties" -> {
          ObjectNode props = out.putObject("properties");
          value.fields().forEachRemaining(p -> props.set(p.getKey(), translate(p.getValue())));
        }
        case "items", "additionalProperties" ->
            out.set(key, value.isObject() ? translate(value) : value);
        case "allOf", "anyOf", "oneOf" -> {
          ArrayNode list = out.putArray(key);
          value.forEach(v -> list.add(translate(v)));
        }
        case "type" -> {
          if (!s.has("x-kubernetes-int-or-string")) {
            out.set(key, value);
          }
        }
        default -> out.set(key, value);
      }
    }
    if (s.path("nullable").asBoolean(false) && out.has("type")) {
      ArrayNode types = NODES.arrayNode().add(out.get("type")).add("null");
      out.set("type", types);
    }
    boolean open = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (s.has("properties") && !s.has("additionalProperties") && !open) {
      out.put("additionalProperties", false);
    }
    return out;
  }
}
