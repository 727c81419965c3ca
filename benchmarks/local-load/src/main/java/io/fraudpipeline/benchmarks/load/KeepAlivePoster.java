package io.fraudpipeline.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The load generator's HTTP/1.1 client: one kept-alive connection, one blocking POST at a time, on
 * the calling thread. The JDK's {@code HttpClient} hands every exchange between the caller, its
 * selector thread and its executor; on a 2-core machine that cost the benchmark as much CPU as the
 * API's own request handling, so the generator would measure itself.
 */
final class KeepAlivePoster implements AutoCloseable {

  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final InetSocketAddress address;
  private final byte[] requestHead;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  KeepAlivePoster(URI endpoint) {
    this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    this.requestHead =
        ("POST "
                + endpoint.getRawPath()
                + " HTTP/1.1\r\nHost: "
                + endpoint.getHost()
                + ":"
                + endpoint.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Posts a JSON body and reads the whole response.
   *
   * @return the response's status code
   * @throws IOException when the connection fails or the response is not HTTP/1.1 as expected
   */
  int post(byte[] body) throws IOException {
    if (socket == null) {
      connect();
    }
    // one write, one segment: the server reads the request whole
    byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[requestHead.length + length.length + body.length];
    System.arraycopy(requestHead, 0, request, 0, requestHead.length);
    System.arraycopy(length, 0, request, requestHead.length, length.length);
    System.arraycopy(body, 0, request, requestHead.length + length.length, body.length);
    out.write(request);
    Response response = readResponse();
    if (response.close) {
      close();
    }
    return response.status;
  }

  private record Response(int status, boolean close) {}

  private Response readResponse() throws IOException {
    String statusLine = readLine();
    if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
      close();
      throw new IOException("not an HTTP/1.1 status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = 0;
    boolean close = false;
    for (String line = readLine(); ; line = readLine()) {
      if (line == null) {
        close();
        throw new IOException("connection closed in the response headers");
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon).trim();
      String value = colon < 0 ? "" : line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        close = true;
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        close();
        throw new IOException("chunked responses are not expected from the local API");
      }
    }
    in.skipNBytes(length);
    return new Response(status, close);
  }

  /** A header line without its CRLF, or null at the end of the stream. */
  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_HEADER_BYTES) {
        throw new IOException("response header line over " + MAX_HEADER_BYTES + " bytes");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private void connect() throws IOException {
    Socket opened = new Socket();
    opened.setTcpNoDelay(true);
    opened.connect(address, 5_000);
    opened.setSoTimeout(60_000);
    socket = opened;
    out = opened.getOutputStream();
    in = new BufferedInputStream(opened.getInputStream(), 8192);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
      socket = null;
    }
  }
}
