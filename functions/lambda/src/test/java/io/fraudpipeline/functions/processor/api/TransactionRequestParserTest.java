package io.fraudpipeline.functions.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.model.FieldError;
import io.fraudpipeline.functions.model.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionRequestParserTest {

  private final TransactionRequestParser parser = new TransactionRequestParser();

  private TransactionRequestParser.Parsed parse(String body) {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private TransactionRequestParser.Parsed parse(byte[] body) {
    return parser.parse(body);
  }

  @Test
  void readsTheOriginalsExampleWithTheAmountExact() {
    Transaction t =
        parse(
                "{\"transaction_id\": \"txn-123\", \"timestamp\": 1234567890, \"amount\": 5000,"
                    + " \"merchant\": \"Amazon\"}")
            .transaction();

    assertThat(t.transactionId()).isEqualTo("txn-123");
    assertThat(t.timestamp()).isEqualTo(1234567890L);
    assertThat(t.amount()).isEqualByComparingTo("5000");
    assertThat(t.merchant()).isEqualTo("Amazon");
    assertThat(t.currency()).isNull();
  }

  @Test
  void keepsDecimalsThatADoubleWouldRound() {
    Transaction t =
        parse(
                "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":12345678901234567890.12345678,"
                    + "\"currency\":\"EUR\",\"card_id\":\"card-1\"}")
            .transaction();

    assertThat(t.amount().toPlainString()).isEqualTo("12345678901234567890.12345678");
    assertThat(t.merchant()).isEqualTo(Transaction.DEFAULT_MERCHANT);
    assertThat(t.currency()).isEqualTo("EUR");
    assertThat(t.cardId()).isEqualTo("card-1");
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json | body | is not valid JSON",
        "[1,2] | body | must be a JSON object",
        "\"text\" | body | must be a JSON object",
        "{} {} | body | more content after it",
        "{\"transaction_id\":\"a\",\"transaction_id\":\"b\",\"timestamp\":1,\"amount\":1} | body |"
            + " is not valid JSON",
        "{\"timestamp\":1,\"amount\":1} | transaction_id | is required",
        "{\"transaction_id\":7,\"timestamp\":1,\"amount\":1} | transaction_id | must be a string",
        "{\"transaction_id\":\"\",\"timestamp\":1,\"amount\":1} | transaction_id | 1 to 128",
        "{\"transaction_id\":\"a b\",\"timestamp\":1,\"amount\":1} | transaction_id | 1 to 128",
        "{\"transaction_id\":\"a/b\",\"timestamp\":1,\"amount\":1} | transaction_id | 1 to 128",
        "{\"transaction_id\":\"t\",\"amount\":1} | timestamp | is required",
        "{\"transaction_id\":\"t\",\"timestamp\":\"1\",\"amount\":1} | timestamp | must be a number",
        "{\"transaction_id\":\"t\",\"timestamp\":1.5,\"amount\":1} | timestamp | whole number",
        "{\"transaction_id\":\"t\",\"timestamp\":-1,\"amount\":1} | timestamp | between 0 and",
        "{\"transaction_id\":\"t\",\"timestamp\":1700000000000,\"amount\":1} | timestamp | between",
        "{\"transaction_id\":\"t\",\"timestamp\":1} | amount | is required",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":null} | amount | is required",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":\"12\"} | amount | must be a JSON number",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":\"abc\"} | amount | must be a JSON number",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":true} | amount | must be a JSON number",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":-0.01} | amount | must be >= 0",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1e400} | amount | less than 1e38",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1e-40} | amount | at most 38 digits",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"merchant\":5} | merchant | must be a"
            + " string",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"merchant\":\" \"} | merchant | not"
            + " blank",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"merchant\":\"a\\u0000b\"} | merchant"
            + " | control characters",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"currency\":\"euro\"} | currency |"
            + " ISO 4217",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"card_id\":[]} | card_id | must be a"
            + " string",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"amt\":1} | amt | unknown field",
        "{\"transaction_id\":\".\",\"timestamp\":1,\"amount\":1} | transaction_id | not be '.'",
        "{\"transaction_id\":\"..\",\"timestamp\":1,\"amount\":1} | transaction_id | or '..'",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"merchant\":\"cry\\u200bpto\"}"
            + " | merchant | invisible format characters such as U+200B",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"merchant\":\"a\\u202eb\"}"
            + " | merchant | invisible format characters such as U+202E",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"merchant\":\"a\\ud800b\"}"
            + " | merchant | lone surrogate",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"card_id\":\"\\udc00\"}"
            + " | card_id | lone surrogate",
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"merchant\":\"a\\ufffdb\"}"
            + " | merchant | valid UTF-8",
      })
  void namesTheFieldOfEachBadInput(String body, String field, String message) {
    TransactionRequestParser.Parsed parsed = parse(body);

    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.errors())
        .anySatisfy(
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.message()).contains(message);
            });
  }

  @Test
  void refusesDeepNestingWithA400NotAStackOverflow() {
    String deep = "{\"merchant\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}";

    assertThat(parse(deep).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("body");
              assertThat(e.message()).contains("not valid JSON");
            });
  }

  @Test
  void emojiAndAccentsAreFineInAMerchant() {
    assertThat(
            parse(
                    "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,"
                        + "\"merchant\":\"Caf\u00e9 \ud83d\ude00\"}")
                .transaction()
                .merchant())
        .isEqualTo("Caf\u00e9 \ud83d\ude00");
  }

  @Test
  void invalidUtf8InTheBodyIsA400NamingTheField() {
    byte[] prefix =
        "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"merchant\":\"a"
            .getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[prefix.length + 3];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    body[prefix.length] = (byte) 0xff;
    body[prefix.length + 1] = '"';
    body[prefix.length + 2] = '}';
    // as API Gateway and the local server hand it on: decoded, bad bytes replaced by U+FFFD
    byte[] relayed = new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);

    assertThat(parse(relayed).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("merchant"));
  }

  @Test
  void listsABoundedNumberOfProblems() {
    StringBuilder body = new StringBuilder("{");
    for (int i = 0; i < 5000; i++) {
      body.append("\"k").append(i).append("\":1,");
    }
    body.append("\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1}");

    List<FieldError> errors = parse(body.toString()).errors();

    assertThat(errors).hasSize(20);
    assertThat(errors.get(19).field()).isEqualTo("body");
    assertThat(errors.get(19).message()).startsWith("4981 more problems");
  }

  @Test
  void jsonProblemsAreSaidWithoutTheParsersOptionNames() {
    assertThat(parse("{\"amount\":NaN}").errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .startsWith("the body is not valid JSON at line 1, column ")
                    .contains("'NaN'")
                    .doesNotContain("`", "Feature", "enable"));
    assertThat(parse("{\"a\":1,}").errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("at line 1"));
  }

  @Test
  void aNumberTooLongForTheParserIsSaidPlainly() {
    String body = "{\"amount\":" + "1".repeat(2000) + "}";

    assertThat(parse(body).errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .isEqualTo(
                        "the body is not valid JSON: a number is longer than the parser accepts"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThat(parse("{\"transaction_id\":\"a b\",\"amount\":-1}").errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("transaction_id", "timestamp", "amount");
  }

  @Test
  void acceptsTheLimits() {
    String id = "A".repeat(128);
    String merchant = "m".repeat(256);
    Transaction t =
        parse(
                "{\"transaction_id\":\""
                    + id
                    + "\",\"timestamp\":253402300799,\"amount\":0,\"merchant\":\""
                    + merchant
                    + "\"}")
            .transaction();
    assertThat(t.transactionId()).hasSize(128);
    assertThat(t.merchant()).hasSize(256);
    assertThat(parse("{\"transaction_id\":\"" + id + "A\",\"timestamp\":1,\"amount\":1}").valid())
        .isFalse();
    assertThat(
            parse(
                    "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"merchant\":\""
                        + merchant
                        + "m\"}")
                .valid())
        .isFalse();
  }
}
