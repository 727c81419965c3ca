package io.fraudpipeline.benchmarks.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import javax.net.ssl.SSLContext;

/**
 * TLS on loopback in front of a plain HTTP server (Dynalite), so both sides of the benchmark reach
 * DynamoDB over TLS as they do in AWS; bytes are relayed as they come, one pair of threads per
 * connection, the same for every row.
 */
final class TlsRelay implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;

  TlsRelay(SSLContext tls, URI target) throws IOException {
    this.targetPort = target.getPort();
    this.server =
        tls.getServerSocketFactory().createServerSocket(0, 64, InetAddress.getLoopbackAddress());
    daemon("tls-relay-accept", this::accept).start();
  }

  URI endpoint() {
    return URI.create("https://127.0.0.1:" + server.getLocalPort());
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        client.setTcpNoDelay(true);
        Socket upstream;
        try {
          upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        } catch (IOException unreachable) {
          // the caller then fails at once instead of waiting out its timeout
          closeQuietly(client);
          continue;
        }
        upstream.setTcpNoDelay(true);
        daemon("tls-relay-in", () -> pump(client, upstream)).start();
        daemon("tls-relay-out", () -> pump(upstream, client)).start();
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException closed) {
      // either side hung up
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
