package io.fraudpipeline.functions.processor.api;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.model.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A REST proxy response: status, JSON body, and headers. */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {

  public static ApiResponse json(int statusCode, Object body) {
    return new ApiResponse(
        statusCode, Map.of("Content-Type", "application/json"), Json.write(body));
  }

  /** The error shape of every 4xx and 5xx: {@code {"errors":[{"field","message"}]}}. */
  public static ApiResponse errors(int statusCode, List<FieldError> errors) {
    List<Map<String, Object>> list =
        errors.stream()
            .map(
                e -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("field", e.field());
                  entry.put("message", e.message());
                  return entry;
                })
            .toList();
    return json(statusCode, Map.of("errors", list));
  }

  public static ApiResponse error(int statusCode, String field, String message) {
    return errors(statusCode, List.of(new FieldError(field, message)));
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new ApiResponse(statusCode, Map.copyOf(all), body);
  }

  /** The proxy integration's response object. */
  public Map<String, Object> toEvent() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("statusCode", statusCode);
    event.put("headers", headers);
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return event;
  }
}
