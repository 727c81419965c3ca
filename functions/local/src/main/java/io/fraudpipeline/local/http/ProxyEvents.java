package io.fraudpipeline.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Turns a local HTTP request into the API Gateway REST proxy event the deployed API sends the
 * processor for the resources {@code /transactions} and {@code /transactions/{transactionId}}.
 */
final class ProxyEvents {

  static final String COLLECTION = "/transactions";
  static final String ITEM_RESOURCE = "/transactions/{transactionId}";

  private final String stage;
  private final Clock clock;
  private final LocalCallers callers;

  ProxyEvents(String stage, Clock clock, LocalCallers callers) {
    this.stage = stage;
    this.clock = clock;
    this.callers = callers;
  }

  /**
   * The event for a request on the collection ({@code rawId} null) or on one transaction.
   *
   * @param body the body as text, null when empty
   */
  Map<String, Object> event(Request request, String rawId, String body) {
    String method = request.getMethod();
    String resource = rawId == null ? COLLECTION : ITEM_RESOURCE;
    // API Gateway hands the function the decoded path parameter
    String id = rawId == null ? null : URLDecoder.decode(rawId, StandardCharsets.UTF_8);
    String path = rawId == null ? COLLECTION : COLLECTION + "/" + rawId;

    // as API Gateway passes them: the last value of each name, and all of them
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      if (field.getName().equalsIgnoreCase(LocalCallers.CHECK_HEADER)) {
        continue;
      }
      headers.put(field.getName(), field.getValue());
      multiValueHeaders
          .computeIfAbsent(field.getName(), n -> new ArrayList<>())
          .add(field.getValue());
    }

    String requestId = UUID.randomUUID().toString();
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("sourceIp", Request.getRemoteAddr(request));
    identity.put("userAgent", request.getHeaders().get(HttpHeader.USER_AGENT));
    identity.put("userArn", callers.userArn(request));
    Map<String, Object> requestContext = new LinkedHashMap<>();
    requestContext.put("requestId", requestId);
    requestContext.put("stage", stage);
    requestContext.put("resourcePath", resource);
    requestContext.put("httpMethod", method);
    requestContext.put("path", "/" + stage + path);
    requestContext.put("requestTimeEpoch", clock.millis());
    requestContext.put("identity", identity);

    Map<String, Object> event = new LinkedHashMap<>();
    event.put("resource", resource);
    event.put("path", path);
    event.put("httpMethod", method);
    event.put("headers", headers);
    event.put("multiValueHeaders", multiValueHeaders);
    event.put("queryStringParameters", null);
    event.put("multiValueQueryStringParameters", null);
    event.put("pathParameters", id == null ? null : Map.of("transactionId", id));
    event.put("stageVariables", null);
    event.put("requestContext", requestContext);
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return event;
  }
}
