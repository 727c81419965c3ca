package io.fraudpipeline.functions.aws;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway RSA 2048 key (as AWS's endpoints have) and its self-signed certificate for 127.0.0.1,
 * made in memory, with a server context that serves it and a client context that trusts it alone:
 * the TLS primer's two ends, and the cold-start benchmark's loopback endpoints.
 */
public final class LoopbackTls {

  private static final char[] NO_PASSWORD = new char[0];

  private final KeyPair key;
  private final X509Certificate certificate;

  private LoopbackTls(KeyPair key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  public static LoopbackTls create() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair key = generator.generateKeyPair();
    return new LoopbackTls(key, LoopbackCertificate.selfSigned(key, Instant.now()));
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public SSLContext serverContext() throws GeneralSecurityException {
    KeyStore keys = emptyStore();
    keys.setKeyEntry("loopback", key.getPrivate(), NO_PASSWORD, new Certificate[] {certificate});
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, NO_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    return context;
  }

  /** Trusts this certificate and nothing else. */
  public SSLContext clientContext() throws GeneralSecurityException {
    KeyStore trusted = emptyStore();
    trusted.setCertificateEntry("loopback", certificate);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      // never for an empty store read from nothing
      throw new GeneralSecurityException(e);
    }
    return store;
  }
}
