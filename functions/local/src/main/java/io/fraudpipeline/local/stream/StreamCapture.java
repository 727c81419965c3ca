package io.fraudpipeline.local.stream;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Emulates the transactions table's DynamoDB stream, which Dynalite does not implement: after each
 * successful PutItem to that table through this client, appends the stream record DynamoDB would
 * have written (Keys, NewImage, SequenceNumber, ApproximateCreationDateTime, StreamViewType
 * NEW_IMAGE) to the shard log. A put that replaced an item becomes a MODIFY, a new one an INSERT:
 * the interceptor asks for the old item ({@code ReturnValues=ALL_OLD}) when the caller did not, and
 * hands the caller the response it would have had without it.
 *
 * <p>Only writes through a client carrying this interceptor are seen; the processor's client is the
 * only writer of the table. Other write operations on the table are not captured (the functions
 * never use them).
 */
public final class StreamCapture implements ExecutionInterceptor {

  /** The only view the emulation produces: records carry the new item, never the old one. */
  public static final String VIEW_TYPE = "NEW_IMAGE";

  private static final ExecutionAttribute<Boolean> ASKED_OLD =
      new ExecutionAttribute<>("fraudpipeline.stream.askedOldImage");
  private static final ExecutionAttribute<Boolean> REPLACED =
      new ExecutionAttribute<>("fraudpipeline.stream.replaced");

  private final String tableName;
  private final List<String> keyAttributes;
  private final String streamArn;
  private final ShardLog log;
  private final Clock clock;

  public StreamCapture(
      String tableName, List<String> keyAttributes, String streamArn, ShardLog log, Clock clock) {
    this.tableName = tableName;
    this.keyAttributes = List.copyOf(keyAttributes);
    this.streamArn = streamArn;
    this.log = log;
    this.clock = clock;
  }

  public String streamArn() {
    return streamArn;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (context.request() instanceof PutItemRequest put
        && captured(put)
        && (put.returnValues() == null || put.returnValues() == ReturnValue.NONE)) {
      attributes.putAttribute(ASKED_OLD, true);
      return put.toBuilder().returnValues(ReturnValue.ALL_OLD).build();
    }
    return context.request();
  }

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    if (!(context.response() instanceof PutItemResponse response)
        || !(context.request() instanceof PutItemRequest put)
        || !captured(put)) {
      return context.response();
    }
    attributes.putAttribute(REPLACED, response.hasAttributes() && !response.attributes().isEmpty());
    if (Boolean.TRUE.equals(attributes.getAttribute(ASKED_OLD))) {
      return response.toBuilder().attributes(null).build();
    }
    return response;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (context.request() instanceof PutItemRequest put && captured(put)) {
      boolean replaced = Boolean.TRUE.equals(attributes.getAttribute(REPLACED));
      record(replaced ? "MODIFY" : "INSERT", put.item());
    }
  }

  private boolean captured(PutItemRequest put) {
    return tableName.equals(put.tableName());
  }

  private void record(String eventName, Map<String, AttributeValue> item) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> newImage = DynamoJson.item(item);
    Map<String, Object> keys = new LinkedHashMap<>();
    for (String key : keyAttributes) {
      keys.put(key, newImage.get(key));
    }
    long size = DynamoJson.sizeBytes(item);
    log.append(
        sequence -> {
          Map<String, Object> dynamodb = new LinkedHashMap<>();
          dynamodb.put("ApproximateCreationDateTime", now);
          dynamodb.put("Keys", keys);
          dynamodb.put("NewImage", newImage);
          dynamodb.put("SequenceNumber", sequence);
          dynamodb.put("SizeBytes", size);
          dynamodb.put("StreamViewType", VIEW_TYPE);
          Map<String, Object> record = new LinkedHashMap<>();
          record.put("eventID", UUID.randomUUID().toString().replace("-", ""));
          record.put("eventName", eventName);
          record.put("eventVersion", "1.1");
          record.put("eventSource", "aws:dynamodb");
          record.put("awsRegion", "us-east-1");
          record.put("dynamodb", dynamodb);
          record.put("eventSourceARN", streamArn);
          return new ShardRecord(sequence, eventName, record);
        });
  }
}
