package io.fraudpipeline.functions.testing;

import io.fraudpipeline.functions.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lambda events as API Gateway and DynamoDB Streams deliver them, built for tests. */
public final class Events {

  private Events() {}

  public static Map<String, Object> api(String method, String path, String body) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("resource", path);
    event.put("path", path);
    event.put("httpMethod", method);
    event.put("headers", Map.of("Content-Type", "application/json"));
    event.put("pathParameters", null);
    event.put("requestContext", Map.of("requestId", "req-1", "stage", "prod"));
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return event;
  }

  /**
   * The event as API Gateway sends it with IAM authorization: the verified caller's ARN in {@code
   * requestContext.identity.userArn}.
   */
  public static Map<String, Object> fromCaller(Map<String, Object> event, String userArn) {
    Map<String, Object> context = new LinkedHashMap<>(asMap(event.get("requestContext")));
    context.put("identity", Map.of("userArn", userArn, "caller", "AROAEXAMPLE:session"));
    Map<String, Object> copy = new LinkedHashMap<>(event);
    copy.put("requestContext", context);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  /** A GET as API Gateway sends it for the resource {@code /transactions/{transactionId}}. */
  public static Map<String, Object> getTransaction(String id) {
    Map<String, Object> event = api("GET", "/transactions/" + id, null);
    event.put("resource", "/transactions/{transactionId}");
    event.put("pathParameters", Map.of("transactionId", id));
    return event;
  }

  /** A stream record; {@code image} in DynamoDB JSON, null for none. */
  public static Map<String, Object> streamRecord(
      String eventName, String sequenceNumber, Map<String, Object> image) {
    Map<String, Object> dynamodb = new LinkedHashMap<>();
    dynamodb.put("SequenceNumber", sequenceNumber);
    dynamodb.put("StreamViewType", "NEW_IMAGE");
    if (image != null) {
      dynamodb.put("NewImage", image);
    }
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("eventID", "e-" + sequenceNumber);
    record.put("eventName", eventName);
    record.put("eventSource", "aws:dynamodb");
    record.put("awsRegion", "us-east-1");
    record.put("dynamodb", dynamodb);
    return record;
  }

  public static Map<String, Object> image(
      String id, long timestamp, String amount, String merchant) {
    return Map.of(
        "transaction_id", Map.of("S", id),
        "timestamp", Map.of("N", Long.toString(timestamp)),
        "amount", Map.of("N", amount),
        "merchant", Map.of("S", merchant));
  }

  public static Map<String, Object> streamBatch(List<Map<String, Object>> records) {
    return Map.of("Records", records);
  }

  /** Round-trips through JSON text, as the Lambda runtime hands the handler bytes. */
  public static byte[] bytes(Map<String, Object> event) {
    return Json.write(event).getBytes(StandardCharsets.UTF_8);
  }
}
