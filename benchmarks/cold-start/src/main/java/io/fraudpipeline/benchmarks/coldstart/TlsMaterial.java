package io.fraudpipeline.benchmarks.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway RSA key and certificate for loopback TLS (as AWS's endpoints, RSA 2048, the address
 * 127.0.0.1 in the certificate), made with a JDK's keytool, and the trust each side is given for
 * it: for a JVM, a copy of its own JDK's trust store with the certificate added, so it loads the
 * trust store it loads in AWS plus one entry; for Node, the certificate as an extra CA.
 */
final class TlsMaterial {

  private static final String KEYSTORE_PASSWORD = "loopback";
  private static final String JDK_TRUST_PASSWORD = "changeit";

  private final Path dir;
  private final Path keytool;
  private final Path keystore;
  private final Path certificate;

  private TlsMaterial(Path dir, Path keytool) {
    this.dir = dir;
    this.keytool = keytool;
    this.keystore = dir.resolve("loopback.p12");
    this.certificate = dir.resolve("loopback.pem");
  }

  static TlsMaterial create(Path javaHome, Path dir) throws IOException {
    Files.createDirectories(dir);
    // a new key each run, so no trust store of an earlier run's key is left to be picked up
    try (var old = Files.list(dir)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    TlsMaterial tls = new TlsMaterial(dir, javaHome.resolve("bin/keytool"));
    tls.keytool(
        "-genkeypair",
        "-alias",
        "loopback",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        tls.keystore.toString(),
        "-storepass",
        KEYSTORE_PASSWORD);
    tls.keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "loopback",
        "-keystore",
        tls.keystore.toString(),
        "-storepass",
        KEYSTORE_PASSWORD,
        "-file",
        tls.certificate.toString());
    return tls;
  }

  Path keystore() {
    return keystore;
  }

  /** PEM, for {@code NODE_EXTRA_CA_CERTS}. */
  Path certificate() {
    return certificate;
  }

  /** The server side, for the loopback endpoints. */
  SSLContext serverContext() {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, KEYSTORE_PASSWORD.toCharArray());
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keys, KEYSTORE_PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("loopback TLS key " + keystore + ": " + e.getMessage(), e);
    }
  }

  /** A client that trusts the certificate alone: the benchmark's own warm-up requests. */
  SSLContext clientContext() {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, KEYSTORE_PASSWORD.toCharArray());
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(keys);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("loopback TLS key " + keystore + ": " + e.getMessage(), e);
    }
  }

  /** The JVM options that have a JVM of this JDK trust the certificate besides its own CAs. */
  List<String> trustOptions(Path javaHome) throws IOException {
    // named after the whole path: two JDKs may end alike (.../Contents/Home)
    Path trust = dir.resolve("trust-" + Integer.toHexString(javaHome.toAbsolutePath().hashCode()));
    if (!Files.exists(trust)) {
      Files.copy(javaHome.resolve("lib/security/cacerts"), trust);
      keytool(
          "-importcert",
          "-noprompt",
          "-alias",
          "loopback",
          "-file",
          certificate.toString(),
          "-keystore",
          trust.toString(),
          "-storepass",
          JDK_TRUST_PASSWORD);
    }
    return List.of(
        "-Djavax.net.ssl.trustStore=" + trust,
        "-Djavax.net.ssl.trustStorePassword=" + JDK_TRUST_PASSWORD);
  }

  private void keytool(String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(keytool.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
