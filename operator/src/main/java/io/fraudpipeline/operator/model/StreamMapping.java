package io.fraudpipeline.operator.model;

import java.util.List;
import java.util.Map;

/** What the stream mapping from the transactions table to the processor fixes, beyond the spec. */
public final class StreamMapping {

  /**
   * Only INSERTs are scored: a MODIFY (e.g. the processor marking a transaction) must not score and
   * alert again.
   */
  public static final String INSERT_ONLY_FILTER =
      Json.write(Map.of("eventName", List.of("INSERT")));

  /** The processor reports failed records, so one bad record does not replay the whole batch. */
  public static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

  private StreamMapping() {}
}
