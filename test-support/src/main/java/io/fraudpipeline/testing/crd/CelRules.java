package io.fraudpipeline.testing.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the {@code x-kubernetes-validations} rules of a schema with the CEL engine, binding
 * {@code self} to the value at each rule's place as the API server does (integers as int, numbers
 * as double). Rules over {@code oldSelf} only apply to updates and are skipped.
 */
final class CelRules {

  private final CelCompiler compiler =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .build();
  private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private final Map<String, CelRuntime.Program> programs = new HashMap<>();

  List<String> evaluate(JsonNode schema, JsonNode value) {
    List<String> problems = new ArrayList<>();
    walk(schema, value, "", problems);
    return problems;
  }

  private void walk(JsonNode schema, JsonNode value, String path, List<String> problems) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String expression = rule.path("rule").asText();
      if (expression.contains("oldSelf")) {
        continue;
      }
      String where = path.isEmpty() ? "<root>" : path;
      try {
        Object result = program(expression).eval(Map.of("self", toCel(schema, value)));
        if (!Boolean.TRUE.equals(result)) {
          String message = rule.path("message").asText("failed rule: " + expression);
          problems.add(where + ": Invalid value: " + message);
        }
      } catch (CelEvaluationException e) {
        problems.add(
            where + ": rule could not be evaluated (" + e.getMessage() + "): " + expression);
      }
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode fieldSchema =
            properties.has(field.getKey())
                ? properties.get(field.getKey())
                : schema.path("additionalProperties");
        walk(fieldSchema, field.getValue(), join(path, field.getKey()), problems);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        walk(schema.path("items"), value.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  private CelRuntime.Program program(String expression) {
    return programs.computeIfAbsent(
        expression,
        e -> {
          try {
            CelAbstractSyntaxTree ast = compiler.compile(e).getAst();
            return runtime.createProgram(ast);
          } catch (CelValidationException | CelEvaluationException ex) {
            throw new IllegalStateException("CEL rule does not compile: " + e, ex);
          }
        });
  }

  /** JSON to the values CEL expects, typed by the schema where JSON alone is ambiguous. */
  private static Object toCel(JsonNode schema, JsonNode value) {
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      JsonNode properties = schema.path("properties");
      value
          .fields()
          .forEachRemaining(
              f -> {
                JsonNode fs =
                    properties.has(f.getKey())
                        ? properties.get(f.getKey())
                        : schema.path("additionalProperties");
                map.put(f.getKey(), toCel(fs, f.getValue()));
              });
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(v -> list.add(toCel(schema.path("items"), v)));
      return list;
    }
    if (value.isNumber()) {
      boolean isNumberType = "number".equals(schema.path("type").asText());
      return isNumberType || !value.canConvertToExactIntegral()
          ? (Object) value.asDouble()
          : (Object) value.asLong();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.asText();
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
