package io.fraudpipeline.functions.processor.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB stream record of the transactions table: its sequence number (the item identifier of
 * a partial batch failure), its event name and, for inserts, the new image.
 */
public record StreamRecord(
    String sequenceNumber, String eventName, Map<String, AttributeValue> newImage) {

  public static final String INSERT = "INSERT";

  public boolean isInsert() {
    return INSERT.equals(eventName);
  }

  /**
   * The records of a stream event as Lambda delivers it ({@code Records[].dynamodb.NewImage} in the
   * DynamoDB JSON form, {@code {"S": ...}}, {@code {"N": ...}}).
   *
   * @throws IllegalArgumentException when a record has no sequence number to report it by
   */
  @SuppressWarnings("unchecked")
  public static List<StreamRecord> fromEvent(Map<String, Object> event) {
    Object records = event.get("Records");
    if (!(records instanceof List<?> list)) {
      throw new IllegalArgumentException("stream event without a Records array");
    }
    return list.stream()
        .map(
            record -> {
              Map<String, Object> fields =
                  record instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
              Map<String, Object> dynamodb =
                  fields.get("dynamodb") instanceof Map<?, ?> map
                      ? (Map<String, Object>) map
                      : Map.of();
              Object sequence = dynamodb.get("SequenceNumber");
              if (!(sequence instanceof String sequenceNumber) || sequenceNumber.isEmpty()) {
                throw new IllegalArgumentException("stream record without dynamodb.SequenceNumber");
              }
              Object eventName = fields.get("eventName");
              return new StreamRecord(
                  sequenceNumber,
                  eventName instanceof String name ? name : null,
                  image(dynamodb.get("NewImage")));
            })
        .toList();
  }

  /** Converts the scalar types the transactions table holds; others are left out. */
  private static Map<String, AttributeValue> image(Object image) {
    if (!(image instanceof Map<?, ?> attributes)) {
      return null;
    }
    Map<String, AttributeValue> item = new HashMap<>();
    attributes.forEach(
        (name, value) -> {
          if (value instanceof Map<?, ?> typed && typed.size() == 1) {
            Map.Entry<?, ?> entry = typed.entrySet().iterator().next();
            AttributeValue converted = scalar(String.valueOf(entry.getKey()), entry.getValue());
            if (converted != null) {
              item.put(String.valueOf(name), converted);
            }
          }
        });
    return item;
  }

  private static AttributeValue scalar(String type, Object value) {
    return switch (type) {
      case "S" -> value instanceof String s ? AttributeValue.fromS(s) : null;
      case "N" -> value instanceof String n ? AttributeValue.fromN(n) : null;
      case "BOOL" -> value instanceof Boolean b ? AttributeValue.fromBool(b) : null;
      default -> null;
    };
  }
}
