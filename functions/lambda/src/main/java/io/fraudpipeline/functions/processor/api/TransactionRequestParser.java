package io.fraudpipeline.functions.processor.api;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.model.FieldError;
import io.fraudpipeline.functions.model.Transaction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@code POST /transactions} body into a {@link Transaction}, or into every problem it has,
 * each named by its field. Nothing here touches AWS: a body that fails never reaches the table.
 */
public final class TransactionRequestParser {

  public static final String TRANSACTION_ID = "transaction_id";
  public static final String TIMESTAMP = "timestamp";
  public static final String AMOUNT = "amount";
  public static final String MERCHANT = "merchant";
  public static final String CURRENCY = "currency";
  public static final String CARD_ID = "card_id";

  public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
  private static final Pattern CURRENCY_PATTERN = Pattern.compile("[A-Z]{3}");
  private static final Set<String> FIELDS =
      Set.of(TRANSACTION_ID, TIMESTAMP, AMOUNT, MERCHANT, CURRENCY, CARD_ID);

  /** 9999-12-31T23:59:59Z: later timestamps are typos, usually milliseconds. */
  static final long MAX_TIMESTAMP = 253402300799L;

  /** DynamoDB numbers hold 38 significant digits; amounts are kept to that many digits in all. */
  static final int MAX_AMOUNT_DIGITS = 38;

  static final int MAX_MERCHANT_LENGTH = 256;
  static final int MAX_CARD_ID_LENGTH = 128;

  /** A reply lists this many problems at most, so a hostile body cannot make it huge. */
  static final int MAX_ERRORS = 20;

  /** The outcome: a transaction when {@code errors} is empty. */
  public record Parsed(Transaction transaction, List<FieldError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  public Parsed parse(byte[] body) {
    Map<String, Object> json;
    try {
      json = Json.readObject(body);
    } catch (Json.JsonInputException e) {
      return invalid(List.of(new FieldError("body", "the body " + e.getMessage())));
    }
    List<FieldError> errors = new ArrayList<>();
    for (String field : json.keySet()) {
      if (!FIELDS.contains(field)) {
        errors.add(
            new FieldError(
                field,
                "unknown field; allowed: transaction_id, timestamp, amount, merchant, currency,"
                    + " card_id"));
      }
    }
    String id = transactionId(json.get(TRANSACTION_ID), errors);
    Long timestamp = timestamp(json.get(TIMESTAMP), errors);
    BigDecimal amount = amount(json.get(AMOUNT), errors);
    String merchant = merchant(json.get(MERCHANT), errors);
    String currency = currency(json.get(CURRENCY), errors);
    String cardId = cardId(json.get(CARD_ID), errors);
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    return new Parsed(
        new Transaction(id, timestamp, amount, merchant, currency, cardId), List.of());
  }

  private static Parsed invalid(List<FieldError> errors) {
    if (errors.size() > MAX_ERRORS) {
      List<FieldError> listed = new ArrayList<>(errors.subList(0, MAX_ERRORS - 1));
      listed.add(
          new FieldError(
              "body", (errors.size() - listed.size()) + " more problems, not listed; fix these"));
      return new Parsed(null, List.copyOf(listed));
    }
    return new Parsed(null, List.copyOf(errors));
  }

  /** Validates an id however it arrives (body or path); null when it is acceptable. */
  public static String checkTransactionId(String id) {
    if (!ID_PATTERN.matcher(id).matches()) {
      return "must be 1 to 128 characters of letters, digits, '_', '.', ':' or '-'";
    }
    // the path /transactions/. or /.. is normalised away by clients and proxies: unreadable
    if (id.equals(".") || id.equals("..")) {
      return "must not be '.' or '..'";
    }
    return null;
  }

  private static String transactionId(Object value, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError(TRANSACTION_ID, "is required"));
      return null;
    }
    if (!(value instanceof String id)) {
      errors.add(new FieldError(TRANSACTION_ID, "must be a string"));
      return null;
    }
    String problem = checkTransactionId(id);
    if (problem != null) {
      errors.add(new FieldError(TRANSACTION_ID, problem));
      return null;
    }
    return id;
  }

  private static Long timestamp(Object value, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError(TIMESTAMP, "is required (epoch seconds)"));
      return null;
    }
    BigDecimal number = asDecimal(value);
    if (number == null) {
      errors.add(new FieldError(TIMESTAMP, "must be a number of epoch seconds"));
      return null;
    }
    if (!isInteger(number)) {
      errors.add(new FieldError(TIMESTAMP, "must be a whole number of epoch seconds"));
      return null;
    }
    if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(MAX_TIMESTAMP)) > 0) {
      errors.add(
          new FieldError(TIMESTAMP, "must be between 0 and " + MAX_TIMESTAMP + " epoch seconds"));
      return null;
    }
    return number.longValueExact();
  }

  private static BigDecimal amount(Object value, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError(AMOUNT, "is required"));
      return null;
    }
    BigDecimal number = asDecimal(value);
    if (number == null) {
      errors.add(new FieldError(AMOUNT, "must be a JSON number"));
      return null;
    }
    if (number.signum() < 0) {
      errors.add(new FieldError(AMOUNT, "must be >= 0"));
      return null;
    }
    if (integerDigits(number) > MAX_AMOUNT_DIGITS) {
      errors.add(new FieldError(AMOUNT, "must be less than 1e" + MAX_AMOUNT_DIGITS));
      return null;
    }
    if (plainDigits(number) > MAX_AMOUNT_DIGITS) {
      errors.add(
          new FieldError(
              AMOUNT,
              "must have at most "
                  + MAX_AMOUNT_DIGITS
                  + " digits before and after the decimal point together"));
      return null;
    }
    return number;
  }

  private static String merchant(Object value, List<FieldError> errors) {
    if (value == null) {
      return Transaction.DEFAULT_MERCHANT;
    }
    return text(value, MERCHANT, MAX_MERCHANT_LENGTH, errors);
  }

  private static String cardId(Object value, List<FieldError> errors) {
    return value == null ? null : text(value, CARD_ID, MAX_CARD_ID_LENGTH, errors);
  }

  private static String currency(Object value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String code) || !CURRENCY_PATTERN.matcher(code).matches()) {
      errors.add(new FieldError(CURRENCY, "must be a three-letter ISO 4217 code such as EUR"));
      return null;
    }
    return code;
  }

  private static String text(Object value, String field, int maxLength, List<FieldError> errors) {
    if (!(value instanceof String text)) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    int length = text.codePointCount(0, text.length());
    if (length < 1 || length > maxLength || text.isBlank()) {
      errors.add(new FieldError(field, "must be 1 to " + maxLength + " characters, not blank"));
      return null;
    }
    // SNS rejects message attributes with control characters; refuse them at the door
    if (text.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError(field, "must not contain control characters"));
      return null;
    }
    String unicodeProblem = unicodeProblem(text);
    if (unicodeProblem != null) {
      errors.add(new FieldError(field, unicodeProblem));
      return null;
    }
    return text;
  }

  /**
   * Text the rules could misread or the table would alter: invisible format characters hide a
   * high-risk term ("cry\\u200bpto"), a lone surrogate is stored as '?', and U+FFFD is what invalid
   * UTF-8 became on its way in.
   */
  private static String unicodeProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must be valid Unicode: it holds a lone surrogate \\u" + Integer.toHexString(c);
      } else if (c == '\uFFFD') {
        return "must be valid UTF-8: it holds U+FFFD, the replacement for undecodable bytes";
      } else if (Character.getType(c) == Character.FORMAT) {
        return "must not contain invisible format characters such as U+"
            + String.format("%04X", (int) c);
      }
    }
    return null;
  }

  private static BigDecimal asDecimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Integer || value instanceof Long) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    return null;
  }

  private static boolean isInteger(BigDecimal number) {
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
  }

  /** Digits before the decimal point, computed without building the plain notation. */
  private static long integerDigits(BigDecimal number) {
    if (number.signum() == 0) {
      return 1;
    }
    BigDecimal stripped = number.stripTrailingZeros();
    return Math.max((long) stripped.precision() - stripped.scale(), 1);
  }

  /** Digits of the plain notation, computed without building it (1e999999 would be huge). */
  private static long plainDigits(BigDecimal number) {
    if (number.signum() == 0) {
      return 1;
    }
    BigDecimal stripped = number.stripTrailingZeros();
    long precision = stripped.precision();
    long scale = stripped.scale();
    long integerDigits = Math.max(precision - scale, 1);
    long fractionDigits = Math.max(scale, 0);
    return integerDigits + fractionDigits;
  }
}
