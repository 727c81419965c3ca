package io.fraudpipeline.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The primers' TLS exchange completes a real handshake and request on loopback and leaves no socket
 * or thread behind; its certificate is a valid self-signed one for 127.0.0.1 only.
 */
class TlsPrimingTest {

  @Test
  void oneHttpsExchangeIsAnsweredAndNothingIsLeftListening() throws Exception {
    TlsPriming.Result result = TlsPriming.exchange();

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body()).isEqualTo("{}");
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), result.port()).close())
        .isInstanceOf(ConnectException.class);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("tls-priming") && t.isAlive());
  }

  @Test
  void theCertificateIsSelfSignedForTheLoopbackAddressAndValidNow() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair key = generator.generateKeyPair();
    Instant now = Instant.now();

    X509Certificate certificate = LoopbackCertificate.selfSigned(key, now);

    certificate.verify(key.getPublic());
    certificate.checkValidity(java.util.Date.from(now));
    assertThat(certificate.getSubjectX500Principal())
        .isEqualTo(certificate.getIssuerX500Principal());
    assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.1"));
    assertThat(certificate.getPublicKey()).isEqualTo(key.getPublic());
  }

  @Test
  void aCertificateMadeAfter2049IsValidThenToo() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair key = generator.generateKeyPair();
    Instant later = Instant.parse("2051-06-01T12:00:00Z");

    X509Certificate certificate = LoopbackCertificate.selfSigned(key, later);

    certificate.checkValidity(java.util.Date.from(later));
    assertThat(certificate.getNotBefore().toInstant()).isEqualTo(later.minusSeconds(3600));
  }
}
