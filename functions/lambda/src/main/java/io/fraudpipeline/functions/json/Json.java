package io.fraudpipeline.functions.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one JSON configuration of the functions: decimals read as {@link java.math.BigDecimal} and
 * written in plain notation (money never passes through a double), duplicate keys and trailing
 * content rejected.
 */
public final class Json {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private static final JSON JSON_ =
      JSON.builder(FACTORY)
          .enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS, JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
          .disable(JSON.Feature.WRITE_NULL_PROPERTIES)
          .build();

  private Json() {}

  /**
   * Reads one JSON object and nothing after it.
   *
   * @throws JsonInputException when the text is not exactly one JSON object
   */
  public static Map<String, Object> readObject(byte[] text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        throw new JsonInputException("must be a JSON object");
      }
      Map<String, Object> object = JSON_.mapFrom(parser);
      if (parser.nextToken() != null) {
        throw new JsonInputException("must hold a single JSON object, found more content after it");
      }
      return object;
    } catch (JsonInputException e) {
      throw e;
    } catch (StreamConstraintsException e) {
      throw new JsonInputException("is not valid JSON: " + constraint(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new JsonInputException(
          "is not valid JSON" + where(e.getLocation()) + ": " + plain(e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      throw new JsonInputException("is not valid JSON: " + plain(e.getMessage()));
    }
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** The parser's limits, said without the names of the settings that hold them. */
  private static String constraint(String message) {
    String m = message == null ? "" : message;
    if (m.startsWith("Number value length")) {
      return "a number is longer than the parser accepts";
    }
    if (m.startsWith("String value length")) {
      return "a string is longer than the parser accepts";
    }
    if (m.startsWith("Document nesting depth")) {
      return "it is nested deeper than the parser accepts";
    }
    return "it exceeds a size limit of the parser";
  }

  /**
   * The parser's explanation, first line only and without the options it suggests (text in
   * backquotes, e.g. "enable `JsonReadFeature...` to allow"): a client cannot set them.
   */
  private static String plain(String message) {
    String line = firstLine(message);
    int option = line.indexOf('`');
    if (option >= 0) {
      int cut = Math.max(line.lastIndexOf(':', option), line.lastIndexOf('(', option));
      line = (cut > 0 ? line.substring(0, cut) : line.substring(0, option)).strip();
    }
    return line;
  }

  /** Writes maps, lists, strings, numbers and booleans; null map values are left out. */
  public static String write(Object value) {
    try {
      return JSON_.asString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON", e);
    }
  }

  public static byte[] writeBytes(Object value) {
    try {
      return JSON_.asBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON", e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /** Input that is not the JSON expected; the message completes "the body ...". */
  public static final class JsonInputException extends RuntimeException {
    public JsonInputException(String message) {
      super(message);
    }
  }
}
