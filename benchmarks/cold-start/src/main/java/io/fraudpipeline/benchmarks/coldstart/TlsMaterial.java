package io.fraudpipeline.benchmarks.coldstart;

import io.fraudpipeline.functions.aws.LoopbackTls;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The loopback endpoints' throwaway key and certificate (the functions' own {@link LoopbackTls}:
 * RSA 2048 as AWS's endpoints, 127.0.0.1 in the certificate), and the trust each side is given for
 * it: for a JVM, a copy of its own JDK's trust store, in that store's own format, with the
 * certificate added, so it loads the trust store it loads in AWS plus one entry; for Node, the
 * certificate as an extra CA.
 */
final class TlsMaterial {

  private static final char[] JDK_TRUST_PASSWORD = "changeit".toCharArray();

  private final Path dir;
  private final LoopbackTls tls;
  private final Path certificate;
  private final SSLContext server;
  private final SSLContext client;

  private TlsMaterial(Path dir, LoopbackTls tls, Path certificate) throws GeneralSecurityException {
    this.dir = dir;
    this.tls = tls;
    this.certificate = certificate;
    this.server = tls.serverContext();
    this.client = tls.clientContext();
  }

  static TlsMaterial create(Path dir) throws IOException {
    Files.createDirectories(dir);
    // a new key each run, so no trust store of an earlier run's key is left to be picked up
    try (var old = Files.list(dir)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    try {
      LoopbackTls tls = LoopbackTls.create();
      String pem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(tls.certificate().getEncoded())
              + "\n-----END CERTIFICATE-----\n";
      Path certificate = Files.writeString(dir.resolve("loopback.pem"), pem);
      return new TlsMaterial(dir, tls, certificate);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("loopback TLS key: " + e.getMessage(), e);
    }
  }

  /** PEM, for {@code NODE_EXTRA_CA_CERTS}. */
  Path certificate() {
    return certificate;
  }

  /** The server side, for the loopback endpoints. */
  SSLContext serverContext() {
    return server;
  }

  /** A client that trusts the certificate alone: the benchmark's own warm-up requests. */
  SSLContext clientContext() {
    return client;
  }

  /** The JVM options that have a JVM of this JDK trust the certificate besides its own CAs. */
  List<String> trustOptions(Path javaHome) throws IOException {
    // named after the whole path: two JDKs may end alike (.../Contents/Home)
    Path trust = dir.resolve("trust-" + Integer.toHexString(javaHome.toAbsolutePath().hashCode()));
    if (!Files.exists(trust)) {
      try {
        KeyStore store =
            KeyStore.getInstance(
                javaHome.resolve("lib/security/cacerts").toFile(), JDK_TRUST_PASSWORD);
        store.setCertificateEntry("loopback", tls.certificate());
        try (OutputStream out = Files.newOutputStream(trust)) {
          store.store(out, JDK_TRUST_PASSWORD);
        }
      } catch (GeneralSecurityException e) {
        throw new IOException("the trust store of " + javaHome + ": " + e.getMessage(), e);
      }
    }
    return List.of(
        "-Djavax.net.ssl.trustStore=" + trust,
        "-Djavax.net.ssl.trustStorePassword=" + new String(JDK_TRUST_PASSWORD));
  }
}
