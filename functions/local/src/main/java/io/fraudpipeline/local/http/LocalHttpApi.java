package io.fraudpipeline.local.http;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.processor.api.ApiResponse;
import io.fraudpipeline.functions.processor.api.TransactionApi;
import io.fraudpipeline.local.lambda.LocalFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local HTTP API on Jetty's core server. {@code /transactions} and {@code /transactions/{id}}
 * go to the processor function as API Gateway REST proxy events, whatever the method (the processor
 * answers 405 for the ones it does not serve); {@code GET /alerts} and {@code GET /dead-letters}
 * show what the local topic and queues received. Every error, a request Jetty refuses before any
 * handler runs included (see {@link JsonErrors}), has the processor's shape, {@code
 * {"errors":[{"field","message"}]}}.
 *
 * <p>A slow client holds a connection thread, not a processor slot: requests get threads of their
 * own (up to {@link #MAX_CONNECTIONS}), while {@code threads} bounds the processor invocations
 * running at once; a connection on which nothing arrives or leaves for {@link #REQUEST_SECONDS}, or
 * whose request body has not arrived whole within as long, is closed.
 */
public final class LocalHttpApi implements AutoCloseable {

  /** API Gateway's own payload limit; the processor refuses far smaller bodies itself. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /**
   * Seconds a connection may stay silent, in either direction, and a request body may take to
   * arrive whole, before the connection is closed.
   */
  public static final int REQUEST_SECONDS = 5;

  /** Requests served at once; more wait in the listen backlog. */
  static final int MAX_CONNECTIONS = 256;

  private static final String JSON = "application/json";

  private final Server server;
  private final ServerConnector connector;

  private LocalHttpApi(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Binds and starts the server.
   *
   * @param port 0 for any free port
   * @param threads processor invocations running at once
   * @param callers who the requests come from, as API Gateway tells the processor
   * @throws IOException when the address cannot be bound (e.g. the port is taken)
   */
  public static LocalHttpApi start(
      String bind,
      int port,
      int threads,
      LocalFunction processor,
      Supplier<Object> alerts,
      Supplier<Object> deadLetters,
      LocalCallers callers,
      Clock clock)
      throws IOException {
    QueuedThreadPool pool = new QueuedThreadPool(MAX_CONNECTIONS + 8, threads);
    pool.setName("http");
    pool.setDaemon(true);
    Server server = new Server(pool);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost(bind);
    connector.setPort(port);
    connector.setIdleTimeout(REQUEST_SECONDS * 1000L);
    connector.setAcceptQueueSize(256);
    server.addConnector(connector);
    server.setHandler(
        new Routes(
            new Semaphore(threads),
            processor,
            new ProxyEvents("local", clock, callers),
            alerts,
            deadLetters));
    server.setErrorHandler(new JsonErrors());
    server.setStopTimeout(1_000);
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly(server);
      throw e;
    } catch (Exception e) {
      stopQuietly(server);
      throw new IOException(e.getMessage(), e);
    }
    return new LocalHttpApi(server, connector);
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** Stops accepting requests, lets those in progress finish for up to a second. */
  @Override
  public void close() {
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      System.err.println("local HTTP API: stop failed: " + e);
    }
  }

  /** The routes; blocking (it reads bodies and invokes the processor on the request's thread). */
  private static final class Routes extends Handler.Abstract {

    private final Semaphore invocations;
    private final LocalFunction processor;
    private final ProxyEvents events;
    private final Supplier<Object> alerts;
    private final Supplier<Object> deadLetters;

    Routes(
        Semaphore invocations,
        LocalFunction processor,
        ProxyEvents events,
        Supplier<Object> alerts,
        Supplier<Object> deadLetters) {
      super(InvocationType.BLOCKING);
      this.invocations = invocations;
      this.processor = processor;
      this.events = events;
      this.alerts = alerts;
      this.deadLetters = deadLetters;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String rawPath = rawPath(request);
      try {
        if (rawPath.equals(ProxyEvents.COLLECTION)
            || rawPath.equals(ProxyEvents.COLLECTION + "/")) {
          proxy(request, response, callback, null);
        } else if (rawPath.startsWith(ProxyEvents.COLLECTION + "/")
            && rawPath.indexOf('/', ProxyEvents.COLLECTION.length() + 1) < 0) {
          proxy(
              request, response, callback, rawPath.substring(ProxyEvents.COLLECTION.length() + 1));
        } else if (rawPath.equals("/alerts")) {
          show(request, response, callback, alerts);
        } else if (rawPath.equals("/dead-letters")) {
          show(request, response, callback, deadLetters);
        } else {
          send(
              request,
              response,
              callback,
              ApiResponse.error(
                  404,
                  "path",
                  "no route for "
                      + rawPath
                      + "; the local API serves /transactions, /transactions/{id}, /alerts and"
                      + " /dead-letters"));
        }
      } catch (RuntimeException e) {
        send(
            request,
            response,
            callback,
            ApiResponse.error(500, "request", "local runtime error: " + e));
      }
      return true;
    }

    /**
     * The path as sent, still percent-encoded (the processor decodes the id as API Gateway does).
     */
    private static String rawPath(Request request) {
      String raw = request.getHttpURI().getPath();
      return raw == null ? "/" : raw;
    }

    /** The read-only views of the local topic and queues. */
    private static void show(
        Request request, Response response, Callback callback, Supplier<Object> view) {
      String method = request.getMethod();
      if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
        send(
            request,
            response,
            callback,
            ApiResponse.error(
                    405,
                    "method",
                    method + " is not allowed on " + rawPath(request) + "; allowed: GET, HEAD")
                .withHeader("Allow", "GET, HEAD"));
        return;
      }
      send(request, response, callback, 200, Map.of("Content-Type", JSON), Json.write(view.get()));
    }

    @SuppressWarnings("unchecked")
    private void proxy(Request request, Response response, Callback callback, String rawId) {
      byte[] bytes;
      try {
        bytes = readBody(request);
      } catch (IOException | RuntimeException e) {
        // the client stopped sending, trickled, or went away: nothing to answer
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(e);
        return;
      }
      if (bytes == null) {
        send(
            request,
            response,
            callback,
            ApiResponse.error(
                413,
                "body",
                "the body must be at most " + TransactionApi.MAX_BODY_BYTES + " bytes"));
        return;
      }
      // decoded as API Gateway does for a text body: undecodable bytes become U+FFFD
      String body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
      Map<String, Object> event = events.event(request, rawId, body);
      Map<String, Object> answer;
      try {
        invocations.acquire();
        try {
          answer = Json.readObject(processor.invoke(Json.writeBytes(event)));
        } finally {
          invocations.release();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        send(
            request,
            response,
            callback,
            ApiResponse.error(503, "request", "the local API is stopping"));
        return;
      } catch (RuntimeException e) {
        // what API Gateway answers when the integration fails; the function logged its error
        System.err.println("processor invocation failed: " + e);
        send(
            request,
            response,
            callback,
            ApiResponse.error(502, "request", "the processor function failed"));
        return;
      }
      int status = answer.get("statusCode") instanceof Number n ? n.intValue() : 502;
      Map<String, String> headers = new LinkedHashMap<>();
      if (answer.get("headers") instanceof Map<?, ?> map) {
        ((Map<String, Object>) map).forEach((k, v) -> headers.put(k, String.valueOf(v)));
      }
      Object responseBody = answer.get("body");
      send(
          request,
          response,
          callback,
          status,
          headers,
          responseBody == null ? "" : responseBody.toString());
    }

    /**
     * The body, or null when it is larger than API Gateway would take.
     *
     * @throws IOException also when it has not arrived whole within {@link #REQUEST_SECONDS}: the
     *     idle timeout alone would let a client trickle a byte a second and keep its thread
     */
    private static byte[] readBody(Request request) throws IOException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REQUEST_SECONDS);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] chunk = new byte[16 * 1024];
      try (InputStream in = Content.Source.asInputStream(request)) {
        for (int n; (n = in.read(chunk)) >= 0; ) {
          body.write(chunk, 0, n);
          if (body.size() > MAX_BODY_BYTES) {
            return null;
          }
          if (System.nanoTime() - deadline > 0) {
            throw new IOException("the body did not arrive within " + REQUEST_SECONDS + " s");
          }
        }
      }
      return body.toByteArray();
    }
  }

  static void send(Request request, Response response, Callback callback, ApiResponse error) {
    send(request, response, callback, error.statusCode(), error.headers(), error.body());
  }

  /** Sends the response; for HEAD, its headers and length only. */
  static void send(
      Request request,
      Response response,
      Callback callback,
      int status,
      Map<String, String> headers,
      String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    headers.forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    if (HttpMethod.HEAD.is(request.getMethod()) || bytes.length == 0) {
      callback.succeeded();
      return;
    }
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
