package io.fraudpipeline.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.model.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a FraudPipeline, and observed MRs, from YAML. Strict: an unknown or mistyped field is an
 * error naming its path, as an API server with the CRD would reject or drop it.
 */
public final class PipelineReader {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private PipelineReader() {}

  public static FraudPipeline readPipeline(String yaml) {
    List<JsonNode> docs = documents(yaml);
    List<JsonNode> pipelines = new ArrayList<>();
    for (JsonNode doc : docs) {
      if (FraudPipeline.KIND.equals(doc.path("kind").asText())) {
        pipelines.add(doc);
      }
    }
    if (pipelines.size() != 1) {
      throw new InvalidSpecException(
          "kind", "expected exactly one FraudPipeline document, found " + pipelines.size());
    }
    JsonNode node = pipelines.get(0);
    String expected = FraudPipeline.GROUP + "/" + FraudPipeline.VERSION;
    if (!expected.equals(node.path("apiVersion").asText())) {
      throw new InvalidSpecException(
          "apiVersion",
          "expected " + expected + ", got '" + node.path("apiVersion").asText() + "'");
    }
    FraudPipeline pipeline;
    try {
      pipeline = YAML.treeToValue(node, FraudPipeline.class);
    } catch (JsonMappingException e) {
      throw new InvalidSpecException(path(e), problem(e));
    } catch (JsonProcessingException e) {
      throw new InvalidSpecException("(document)", e.getOriginalMessage());
    }
    if (pipeline.getMetadata() != null && pipeline.getMetadata().getNamespace() == null) {
      pipeline.getMetadata().setNamespace("default");
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
