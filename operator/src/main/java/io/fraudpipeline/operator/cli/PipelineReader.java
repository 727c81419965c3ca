package io.fraudpipeline.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.model.InvalidSpecException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a FraudPipeline, and observed MRs, from YAML. Strict: an unknown or mistyped field is an
 * error naming its path, as an API server with the CRD would reject or drop it.
 */
public final class PipelineReader {

  private static final ObjectMapper YAML = strictMapper();

  /**
   * Types as the API server checks them: no float for an integer, no quoted number, no number for a
   * string or boolean.
   */
  private static ObjectMapper strictMapper() {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Boolean)) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    return mapper;
  }

  private PipelineReader() {}

  /** The one FraudPipeline of a file. */
  public static FraudPipeline readPipeline(String yaml) {
    List<FraudPipeline> pipelines = readPipelines(yaml);
    if (pipelines.size() != 1) {
      throw new InvalidSpecException(
          "kind", "expected exactly one FraudPipeline, found " + pipelines.size());
    }
    return pipelines.get(0);
  }

  /**
   * Every FraudPipeline of a file, in order: its documents, and the items of a {@code kind: List}.
   *
   * @throws InvalidSpecException when there is none, naming the kinds found instead
   */
  public static List<FraudPipeline> readPipelines(String yaml) {
    return readPipelines(yaml, "default");
  }

  /**
   * As {@link #readPipelines(String)}, a pipeline without a namespace placed in {@code namespace},
   * as kubectl places it in the context's.
   */
  public static List<FraudPipeline> readPipelines(String yaml, String namespace) {
    List<JsonNode> objects = new ArrayList<>();
    for (JsonNode doc : documents(yaml)) {
      if (doc.path("kind").asText().endsWith("List") && doc.path("items").isArray()) {
        doc.get("items").forEach(objects::add);
      } else {
        objects.add(doc);
      }
    }
    List<FraudPipeline> pipelines = new ArrayList<>();
    Set<String> otherKinds = new LinkedHashSet<>();
    for (JsonNode object : objects) {
      String kind = object.path("kind").asText();
      if (FraudPipeline.KIND.equals(kind)) {
        pipelines.add(toPipeline(object, pipelines.isEmpty() && objects.size() == 1, namespace));
      } else {
        otherKinds.add(kind.isEmpty() ? "(no kind)" : kind);
      }
    }
    if (pipelines.isEmpty()) {
      throw new InvalidSpecException(
          "kind",
          "expected a FraudPipeline, found "
              + (otherKinds.isEmpty() ? "no document" : String.join(", ", otherKinds)));
    }
    return pipelines;
  }

  private static FraudPipeline toPipeline(JsonNode node, boolean alone, String namespace) {
    String expected = FraudPipeline.GROUP + "/" + FraudPipeline.VERSION;
    if (!expected.equals(node.path("apiVersion").asText())) {
      throw new InvalidSpecException(
          "apiVersion",
          "expected " + expected + ", got '" + node.path("apiVersion").asText() + "'");
    }
    String name = node.path("metadata").path("name").asText();
    String which = alone || name.isEmpty() ? "" : "FraudPipeline " + name + ": ";
    FraudPipeline pipeline;
    try {
      pipeline = YAML.treeToValue(node, FraudPipeline.class);
    } catch (JsonMappingException e) {
      throw new InvalidSpecException(which + path(e), problem(e));
    } catch (JsonProcessingException e) {
      throw new InvalidSpecException("(document)", e.getOriginalMessage());
    }
    StrictMetadata.unknownField(pipeline.getMetadata())
        .ifPresent(
            field -> {
              throw new InvalidSpecException(which + field, "unknown field");
            });
    if (pipeline.getMetadata() != null && pipeline.getMetadata().getNamespace() == null) {
      pipeline.getMetadata().setNamespace(namespace);
    }
    return pipeline;
  }

  /** MRs with status, as {@code kubectl get -o yaml} prints them: a List or several documents. */
  public static List<GenericKubernetesResource> readObserved(String yaml) {
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (JsonNode doc : documents(yaml)) {
      if (doc.has("items") && doc.path("kind").asText().endsWith("List")) {
        doc.get("items").forEach(item -> out.add(toResource(item)));
      } else {
        out.add(toResource(doc));
      }
    }
    return out;
  }

  private static GenericKubernetesResource toResource(JsonNode node) {
    if (!node.hasNonNull("kind") || !node.path("metadata").hasNonNull("name")) {
      throw new InvalidSpecException("metadata.name", "every observed object needs kind and name");
    }
    return new ObjectMapper().convertValue(node, GenericKubernetesResource.class);
  }

  private static List<JsonNode> documents(String yaml) {
    List<JsonNode> docs = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(yaml)) {
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          if (!doc.isObject()) {
            throw new InvalidSpecException("(document)", "expected a YAML mapping");
          }
          docs.add(doc);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof InvalidSpecException ise) {
        throw ise;
      }
      String msg =
          e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
      throw new InvalidSpecException("(yaml)", "not valid YAML: " + firstLine(msg));
    }
    return docs;
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "(document)" : sb.toString();
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
      return "unknown field";
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException ife) {
      return "invalid value '"
          + ife.getValue()
          + "' (expected "
          + describe(ife.getTargetType())
          + ")";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "wrong type: expected " + typeName(mismatch.getTargetType());
    }
    return firstLine(e.getOriginalMessage());
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      List<String> values = new ArrayList<>();
      for (Object c : type.getEnumConstants()) {
        values.add(enumName(type, c));
      }
      return "one of " + String.join(", ", values);
    }
    return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  private static String typeName(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Double.class || type == double.class || type == Float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type.isEnum()) {
      return describe(type);
    }
    return "a mapping";
  }

  private static String enumName(Class<?> type, Object constant) {
    try {
      var p =
          type.getField(((Enum<?>) constant).name())
              .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
      return p != null ? p.value() : constant.toString();
    } catch (NoSuchFieldException e) {
      return constant.toString();
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
