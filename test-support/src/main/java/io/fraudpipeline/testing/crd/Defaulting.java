package io.fraudpipeline.testing.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the API server does to a custom resource before validating it: drop null values of fields
 * that are not nullable, then apply schema defaults top-down (so a defaulted object gets the
 * defaults of its own fields too).
 */
final class Defaulting {

  private Defaulting() {}

  static void pruneNullsAndApplyDefaults(JsonNode schema, JsonNode value) {
    if (value instanceof ObjectNode object) {
      JsonNode properties = schema.path("properties");
      List<String> nulls = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode fieldSchema = properties.path(field.getKey());
        if (field.getValue().isNull() && !fieldSchema.path("nullable").asBoolean(false)) {
          nulls.add(field.getKey());
        }
      }
      nulls.forEach(object::remove);
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        if (!object.has(property.getKey()) && property.getValue().has("default")) {
          object.set(property.getKey(), property.getValue().get("default").deepCopy());
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode fieldSchema = properties.get(field.getKey());
        if (fieldSchema == null) {
          fieldSchema = schema.path("additionalProperties");
        }
        pruneNullsAndApplyDefaults(fieldSchema, field.getValue());
      }
    } else if (value instanceof ArrayNode array) {
      for (JsonNode item : array) {
        pruneNullsAndApplyDefaults(schema.path("items"), item);
      }
    }
  }
}
