package io.fraudpipeline.operator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/** Console logging of the running operator: one line per event, as text or as JSON. */
final class Logging {

  /** The pipeline of the reconcile a line belongs to, as namespace/name, when there is one. */
  static final String TEXT_PATTERN =
      "%d{ISO8601} %-5level [%thread] %logger{36}"
          + "%replace( [%X{resource.namespace}/%X{resource.name}]){' \\[/\\]', ''} - %msg%n";

  private Logging() {}

  static void configure(String level, String format) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    Encoder<ILoggingEvent> encoder;
    if ("json".equals(format)) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      // the message as read, not its template and arguments; no logback internals
      json.setWithFormattedMessage(true);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithContext(false);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      // JOSDK puts resource.namespace and resource.name in the MDC for each reconcile
      json.setWithMDC(true);
      json.start();
      encoder = json;
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(context);
      text.setPattern(TEXT_PATTERN);
      text.start();
      encoder = text;
    }
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder);
    console.start();
    var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    root.addAppender(console);
    quietVersionWarnings();
  }

  /** fabric8 warns on every use of a v1beta1 kind; every Crossplane kind is one. */
  static void quietVersionWarnings() {
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils")
        .setLevel(Level.ERROR);
  }
}
