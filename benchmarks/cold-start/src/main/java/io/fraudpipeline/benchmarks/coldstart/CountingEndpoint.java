package io.fraudpipeline.benchmarks.coldstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A loopback endpoint standing in for Lambda's asynchronous Invoke (202) or SNS Publish (there is
 * no emulator of either here), counting the requests it answers; over TLS when given a context.
 */
final class CountingEndpoint implements AutoCloseable {

  private static final String SNS_PUBLISHED =
      "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
          + "<MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1"
          + "</RequestId></ResponseMetadata></PublishResponse>";

  private final HttpServer server;
  private final ExecutorService threads =
      Executors.newFixedThreadPool(
          16,
          r -> {
            Thread t = new Thread(r, "counting-endpoint");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger requests = new AtomicInteger();

  private CountingEndpoint(SSLContext tls, int status, String contentType, String body) {
    // without it the JDK's server waits on Nagle's algorithm for each small response (tens of ms
    // with the client's delayed ACK), which a real endpoint does not
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      if (tls == null) {
        server = HttpServer.create(loopback, 64);
      } else {
        HttpsServer https = HttpsServer.create(loopback, 64);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> answer(exchange, status, contentType, bytes));
    server.setExecutor(threads);
    server.start();
  }

  /** Lambda's asynchronous Invoke; {@code tls} null for plain HTTP. */
  static CountingEndpoint lambdaInvoke(SSLContext tls) {
    return new CountingEndpoint(tls, 202, "application/json", "");
  }

  /** SNS Publish; {@code tls} null for plain HTTP. */
  static CountingEndpoint snsPublish(SSLContext tls) {
    return new CountingEndpoint(tls, 200, "text/xml", SNS_PUBLISHED);
  }

  private void answer(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      requests.incrementAndGet();
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  URI endpoint() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Requests answered since the last call. */
  int takeCount() {
    return requests.getAndSet(0);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
