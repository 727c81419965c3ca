package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.StartingPosition;
import io.fraudpipeline.api.v1alpha1.StreamSpec;
import java.util.List;
import java.util.Map;

/**
 * The processor's mapping of the transactions stream, in Lambda's terms (CreateEventSourceMapping),
 * whichever backend makes it.
 *
 * @param bisectBatchOnFunctionError a failing batch is split to find the bad record
 * @param functionResponseTypes the processor reports failed records, so one bad record does not
 *     replay the whole batch
 * @param filterPattern only INSERTs are scored: a MODIFY (the processor marking a transaction) must
 *     not score and alert again
 */
public record StreamMappingDesign(
    String startingPosition,
    Integer batchSize,
    Integer maximumRetryAttempts,
    Integer maximumRecordAgeSeconds,
    Integer parallelizationFactor,
    boolean bisectBatchOnFunctionError,
    List<String> functionResponseTypes,
    String filterPattern) {

  public static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

  public static final String INSERT_ONLY_FILTER =
      Json.write(Map.of("eventName", List.of("INSERT")));

  public static StreamMappingDesign of(StreamSpec stream) {
    return new StreamMappingDesign(
        stream.getStartingPosition().value(),
        stream.getBatchSize(),
        stream.getMaximumRetryAttempts(),
        stream.getMaximumRecordAgeSeconds(),
        stream.getParallelizationFactor(),
        true,
        List.of(REPORT_BATCH_ITEM_FAILURES),
        INSERT_ONLY_FILTER);
  }

  /**
   * What Lambda cannot change on an existing mapping, its source and starting position: a backend
   * that does not replace the mapping itself names it by these, so a change is a new mapping.
   */
  public String immutableIdentity(String eventSourceArn) {
    return eventSourceArn + " " + startingPosition;
  }

  /** What replacing the mapping costs: the new one reads the stream from its starting position. */
  public String replacementCost() {
    return StartingPosition.LATEST.value().equals(startingPosition)
        ? "the new mapping reads the stream from LATEST: records written while the mapping is"
            + " replaced are never processed"
        : "the new mapping reads the stream from "
            + startingPosition
            + ": every record still in the stream (up to 24 hours) is processed again";
  }
}
