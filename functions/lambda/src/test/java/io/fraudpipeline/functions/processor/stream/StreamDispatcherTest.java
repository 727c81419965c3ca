package io.fraudpipeline.functions.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.testing.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** How a stream batch becomes scorer events: as few as the size limit allows, sent concurrently. */
class StreamDispatcherTest {

  private final List<List<Transaction>> events = new CopyOnWriteArrayList<>();

  private static List<StreamRecord> inserts(int count) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      records.add(
          Events.streamRecord(
              "INSERT", Integer.toString(i), Events.image("t-" + i, 1L, "12.5", "shop")));
    }
    return StreamRecord.fromEvent(Events.streamBatch(records));
  }

  private static List<String> ids(List<Transaction> transactions) {
    return transactions.stream().map(Transaction::transactionId).toList();
  }

  @Test
  void splitsABatchIntoEventsUnderTheLimitKeepingEveryTransactionOnceInOrder() {
    List<StreamRecord> records = inserts(50);
    int limit = 1000;
    StreamDispatcher dispatcher =
        new StreamDispatcher(events::add, StreamDispatcher.pool(4), limit);

    assertThat(dispatcher.dispatch(records)).isEmpty();

    assertThat(events).hasSizeGreaterThan(1);
    for (List<Transaction> event : events) {
      assertThat(ScoringPayload.toJson(event).length).isLessThanOrEqualTo(limit);
    }
    List<String> sent = new ArrayList<>();
    events.stream()
        .sorted((a, b) -> Integer.compare(number(a), number(b)))
        .forEach(event -> sent.addAll(ids(event)));
    assertThat(sent).isEqualTo(ids(records.stream().map(r -> transactionOf(r)).toList()));
  }

  @Test
  void aBatchOfAHundredIsOneEventAtTheRealLimit() {
    StreamDispatcher dispatcher = new StreamDispatcher(events::add, StreamDispatcher.pool(4));

    assertThat(dispatcher.dispatch(inserts(100))).isEmpty();

    assertThat(events).singleElement().satisfies(e -> assertThat(e).hasSize(100));
  }

  @Test
  void aLargerBatchIsSplitAtTheTransactionLimit() {
    StreamDispatcher dispatcher = new StreamDispatcher(events::add, StreamDispatcher.pool(4));

    assertThat(dispatcher.dispatch(inserts(250))).isEmpty();

    assertThat(events)
        .extracting(List::size)
        .containsExactlyInAnyOrder(
            ScoringPayload.MAX_EVENT_TRANSACTIONS, ScoringPayload.MAX_EVENT_TRANSACTIONS, 50);
  }

  @Test
  void theEventsOfABatchAreInFlightTogether() {
    // each invoke waits until four are in flight: one event after another would never get there
    CyclicBarrier fourAtOnce = new CyclicBarrier(4);
    ScorerInvoker waiting =
        transactions -> {
          try {
            fourAtOnce.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("not concurrent", e);
          }
          events.add(transactions);
        };
    List<StreamRecord> records = inserts(4);
    int oneEach =
        ScoringPayload.emptySize() + ScoringPayload.encodedSize(transactionOf(records.get(0)));
    StreamDispatcher dispatcher = new StreamDispatcher(waiting, StreamDispatcher.pool(4), oneEach);

    assertThat(dispatcher.dispatch(records)).isEmpty();
    assertThat(events).hasSize(4);
  }

  @Test
  void aFailedEventReportsEachOfItsRecordsAndOnlyThose() {
    List<StreamRecord> records = inserts(30);
    StreamDispatcher dispatcher =
        new StreamDispatcher(
            transactions -> {
              if (ids(transactions).contains("t-17")) {
                throw new IllegalStateException("throttled");
              }
              events.add(transactions);
            },
            StreamDispatcher.pool(2),
            600);

    List<String> failed = dispatcher.dispatch(records);

    List<String> delivered = new ArrayList<>();
    events.forEach(event -> delivered.addAll(ids(event)));
    assertThat(failed).isNotEmpty().contains("17");
    assertThat(failed)
        .isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    assertThat(delivered).hasSize(30 - failed.size()).doesNotContain("t-17");
    for (String sequence : failed) {
      assertThat(delivered).doesNotContain("t-" + sequence);
    }
  }

  private static Transaction transactionOf(StreamRecord record) {
    return io.fraudpipeline.functions.store.TransactionItems.fromItem(record.newImage());
  }

  private static int number(List<Transaction> event) {
    return Integer.parseInt(event.get(0).transactionId().substring(2));
  }
}
