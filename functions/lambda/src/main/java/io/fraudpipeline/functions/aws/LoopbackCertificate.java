package io.fraudpipeline.functions.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A self-signed X.509 certificate for {@code 127.0.0.1}, written out in DER here because the JDK
 * has no public API that makes one: the certificate of {@link LoopbackTls}, trusted by its own
 * client context and by nothing else.
 */
final class LoopbackCertificate {

  private static final byte[] SHA256_WITH_RSA = {
    0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x0B
  };
  private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};
  private static final byte[] SUBJECT_ALT_NAME = {0x06, 0x03, 0x55, 0x1D, 0x11};
  private static final byte[] LOOPBACK = {127, 0, 0, 1};
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Instant FIRST_OF_2050 = Instant.parse("2050-01-01T00:00:00Z");

  private LoopbackCertificate() {}

  /** Signed with the pair's own RSA key (SHA-256), valid from an hour ago for a day. */
  static X509Certificate selfSigned(KeyPair key, Instant now) throws GeneralSecurityException {
    byte[] algorithm = der(0x30, SHA256_WITH_RSA, der(0x05));
    byte[] name =
        der(0x30, der(0x31, der(0x30, COMMON_NAME, der(0x0C, ascii("fraud-pipeline priming")))));
    byte[] validity = der(0x30, time(now.minusSeconds(3600)), time(now.plusSeconds(86_400)));
    byte[] loopbackName = der(0x30, der(0x87, LOOPBACK));
    byte[] extensions = der(0xA3, der(0x30, der(0x30, SUBJECT_ALT_NAME, der(0x04, loopbackName))));
    byte[] tbs =
        der(
            0x30,
            der(0xA0, der(0x02, new byte[] {2})),
            der(0x02, new byte[] {1}),
            algorithm,
            name,
            validity,
            name,
            key.getPublic().getEncoded(),
            extensions);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key.getPrivate());
    signer.update(tbs);
    byte[] signature = signer.sign();
    byte[] bits = new byte[signature.length + 1];
    System.arraycopy(signature, 0, bits, 1, signature.length);
    byte[] certificate = der(0x30, tbs, algorithm, der(0x03, bits));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(certificate));
  }

  /** UTCTime through 2049, GeneralizedTime from 2050, as RFC 5280 has it. */
  static byte[] time(Instant t) {
    return t.isBefore(FIRST_OF_2050)
        ? der(0x17, ascii(UTC_TIME.format(t)))
        : der(0x18, ascii(GENERALIZED_TIME.format(t)));
  }

  /** One DER element: tag, definite length, the parts' bytes one after another. */
  private static byte[] der(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    int length = content.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length <= 0xFFFF) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xFF);
    } else {
      throw new IllegalArgumentException("a DER element of " + length + " bytes");
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
