package io.fraudpipeline.functions.processor.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an API Gateway REST proxy event the API reads. {@code body} is the raw bytes (a
 * base64 body is decoded when read); {@code pathTransactionId} is API Gateway's decoded path
 * parameter when the event carries one; {@code contentType} the declared media type, null when
 * none; {@code callerArn} the caller's ARN as API Gateway verified it ({@code
 * requestContext.identity.userArn}, with IAM authorization only), null otherwise.
 */
public record ApiRequest(
    String method,
    String path,
    String pathTransactionId,
    String body,
    boolean base64Encoded,
    String requestId,
    String contentType,
    String callerArn) {

  /** A request with no Content-Type declared and no verified caller. */
  public ApiRequest(
      String method,
      String path,
      String pathTransactionId,
      String body,
      boolean base64Encoded,
      String requestId) {
    this(method, path, pathTransactionId, body, base64Encoded, requestId, null, null);
  }

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
    Object identity = context instanceof Map<?, ?> map ? map.get("identity") : null;
    String callerArn = identity instanceof Map<?, ?> map ? asString(map.get("userArn")) : null;
    return new ApiRequest(
        asString(event.get("httpMethod")),
        asString(event.get("path")),
        transactionId,
        asString(event.get("body")),
        Boolean.TRUE.equals(event.get("isBase64Encoded")),
        requestId,
        header(event.get("headers"), "Content-Type"),
        callerArn);
  }

  /** A header by name, whatever its case (HTTP names are case-insensitive). */
  private static String header(Object headers, String name) {
    if (headers instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getKey() instanceof String key && key.equalsIgnoreCase(name)) {
          return asString(entry.getValue());
        }
      }
    }
    return null;
  }

  /**
   * Whether the body is declared JSON or not declared at all (read as JSON then): {@code
   * application/json} or any {@code application/...+json}, parameters such as charset aside.
   */
  public boolean declaresJsonOrNothing() {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
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
