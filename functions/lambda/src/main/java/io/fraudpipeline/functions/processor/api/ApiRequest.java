package io.fraudpipeline.functions.processor.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The parts of an API Gateway REST proxy event the API reads. {@code body} is the raw bytes (a
 * base64 body is decoded when read); {@code pathTransactionId} is API Gateway's decoded path
 * parameter when the event carries one.
 */
public record ApiRequest(
    String method,
    String path,
    String pathTransactionId,
    String body,
    boolean base64Encoded,
    String requestId) {

  @SuppressWarnings("unchecked")
  public static ApiRequest fromEvent(Map<String, Object> event) {
    Object parameters = event.get("pathParameters");
    String transactionId =
        parameters instanceof Map<?, ?> map ? asString(map.get("transactionId")) : null;
    Object context = event.get("requestContext");
    String requestId =
        context instanceof Map<?, ?> map
            ? asString(((Map<String, Object>) map).get("requestId"))
            : null;
    return new ApiRequest(
        asString(event.get("httpMethod")),
        asString(event.get("path")),
        transactionId,
        asString(event.get("body")),
        Boolean.TRUE.equals(event.get("isBase64Encoded")),
        requestId);
  }

  /** Length of the body in characters; its UTF-8 form has at least as many bytes. */
  public int bodyChars() {
    return body == null ? 0 : body.length();
  }

  /**
   * The body as bytes.
   *
   * @throws IllegalArgumentException when a base64 body does not decode
   */
  public byte[] bodyBytes() {
    if (body == null) {
      return new byte[0];
    }
    return base64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
  }

  private static String asString(Object value) {
    return value instanceof String text ? text : null;
  }
}
