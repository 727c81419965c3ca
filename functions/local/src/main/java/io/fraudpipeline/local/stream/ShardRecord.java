package io.fraudpipeline.local.stream;

import java.util.Map;

/**
 * One record of the emulated transactions stream: its sequence number, event name and the record as
 * Lambda delivers it in {@code Records[]}.
 */
public record ShardRecord(String sequenceNumber, String eventName, Map<String, Object> json) {

  public boolean isInsert() {
    return "INSERT".equals(eventName);
  }
}
