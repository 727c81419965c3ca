package io.fraudpipeline.local.stream;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items in the DynamoDB JSON form a stream record carries ({@code {"S": "x"}}, {@code {"N": "1"}},
 * ...), as Lambda hands them to a function.
 */
final class DynamoJson {

  private DynamoJson() {}

  static Map<String, Object> item(Map<String, AttributeValue> item) {
    Map<String, Object> json = new TreeMap<>();
    item.forEach((name, value) -> json.put(name, value(value)));
    return json;
  }

  static Map<String, Object> value(AttributeValue v) {
    Map<String, Object> typed = new LinkedHashMap<>();
    switch (v.type()) {
      case S -> typed.put("S", v.s());
      case N -> typed.put("N", v.n());
      case B -> typed.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
      case BOOL -> typed.put("BOOL", v.bool());
      case NUL -> typed.put("NULL", true);
      case SS -> typed.put("SS", List.copyOf(v.ss()));
      case NS -> typed.put("NS", List.copyOf(v.ns()));
      case BS ->
          typed.put(
              "BS",
              v.bs().stream()
                  .map(b -> Base64.getEncoder().encodeToString(b.asByteArray()))
                  .toList());
      case L -> typed.put("L", v.l().stream().map(DynamoJson::value).toList());
      case M -> typed.put("M", item(v.m()));
      default -> throw new IllegalArgumentException("unsupported attribute value " + v);
    }
    return typed;
  }

  /** A rough item size, as the stream record's {@code SizeBytes} reports it. */
  static long sizeBytes(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += e.getKey().length() + String.valueOf(value(e.getValue())).length();
    }
    return size;
  }
}
