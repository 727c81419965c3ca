package io.fraudpipeline.functions.aws;

import io.fraudpipeline.functions.log.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * One HTTPS exchange on loopback, run by the primers: every AWS endpoint is TLS, and a JVM's first
 * handshake loads, initialises and interprets the JDK's TLS client (key shares, the server's RSA
 * certificate and signature, the record layer), which the cold-start benchmark over TLS measured at
 * about 150 ms of the first event after priming without it. Run before a SnapStart snapshot it
 * leaves that code loaded and compiled; run in the AOT training it puts those classes in the cache.
 *
 * <p>It leaves nothing behind that a restore would need fresh: the key and its certificate ({@link
 * LoopbackTls}) are made for this exchange and trusted by its own client context alone (never by
 * the SDK's clients); the server answers once with {@code Connection: close} and both sockets are
 * closed before it returns. A failure is logged and otherwise ignored: priming is an optimisation,
 * never a reason to fail an init.
 */
public final class TlsPriming {

  private static final JsonLog LOG = JsonLog.of(TlsPriming.class);
  private static final AtomicBoolean DONE = new AtomicBoolean();

  /** Per step (connect, read, the server's answer, its thread's end): a stuck exchange ends. */
  private static final int TIMEOUT_MILLIS = 10_000;

  private static final byte[] ANSWER =
      ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n"
              + "Connection: close\r\n\r\n{}")
          .getBytes(StandardCharsets.US_ASCII);

  private TlsPriming() {}

  /** Once per JVM, whichever handler's primer asks first. */
  public static void prime() {
    if (DONE.getAndSet(true)) {
      return;
    }
    try {
      exchange();
    } catch (Exception | LinkageError e) {
      // a class or provider the JVM lacks included: a skipped primer must not fail the init
      LOG.warn("TLS priming skipped", null, "error", e.toString());
    }
  }

  /** Whether {@link #prime()} has run in this JVM. */
  static boolean primed() {
    return DONE.get();
  }

  /**
   * The exchange itself: a POST over HTTPS to a one-request server on a free loopback port.
   *
   * @return the response's status and body, and the port, which is closed again on return
   */
  static Result exchange() throws IOException, GeneralSecurityException {
    LoopbackTls tls = LoopbackTls.create();
    SSLContext serving = tls.serverContext();
    SSLContext client = tls.clientContext();

    Thread server = null;
    try (SSLServerSocket socket =
        (SSLServerSocket)
            serving
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      FutureTask<Void> answered = new FutureTask<>(() -> answerOnce(socket), null);
      server = new Thread(answered, "tls-priming");
      server.setDaemon(true);
      server.start();
      HttpsURLConnection connection =
          (HttpsURLConnection)
              URI.create("https://127.0.0.1:" + socket.getLocalPort() + "/")
                  .toURL()
                  .openConnection();
      try {
        connection.setSSLSocketFactory(client.getSocketFactory());
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
        try (OutputStream body = connection.getOutputStream()) {
          body.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        byte[] response;
        try (InputStream in = connection.getInputStream()) {
          response = in.readAllBytes();
        }
        answered.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        return new Result(
            status, new String(response, StandardCharsets.UTF_8), socket.getLocalPort());
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException("the priming server did not answer: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      } finally {
        connection.disconnect();
      }
    } finally {
      // the listening socket is closed by now, so a server thread still in accept() ends at once:
      // waited for, success or not, so nothing of the exchange is left running
      if (server != null) {
        joinQuietly(server);
      }
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answerOnce(SSLServerSocket server) {
    try (SSLSocket socket = (SSLSocket) server.accept()) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      InputStream in = socket.getInputStream();
      readRequest(in);
      OutputStream out = socket.getOutputStream();
      out.write(ANSWER);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the request's head and its {@code Content-Length} body. */
  private static void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the priming request ended early");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    int length = 0;
    for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.readNBytes(length);
  }

  /** What one exchange returned. */
  record Result(int status, String body, int port) {}
}
