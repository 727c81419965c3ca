package io.fraudpipeline.local.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.eclipse.jetty.server.Request;

/**
 * Who a local request comes from, as API Gateway with IAM authorization tells the processor in
 * {@code requestContext.identity.userArn}. The local API has no IAM, so it knows one caller only,
 * its own check: the check sends a token made at start, held in this process and never printed, in
 * {@link #CHECK_HEADER}; a request carrying it is the check's role session, any other comes from
 * nobody known. The header is the local API's own: it never reaches the processor.
 */
public final class LocalCallers {

  public static final String CHECK_HEADER = "X-Fraud-Pipeline-Local-Check";

  private final byte[] token;
  private final String checkCallerArn;

  private LocalCallers(byte[] token, String checkCallerArn) {
    this.token = token;
    this.checkCallerArn = checkCallerArn;
  }

  /** A fresh token for the check known by {@code checkCallerArn}. */
  public static LocalCallers withCheck(String checkCallerArn) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return new LocalCallers(
        HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII), checkCallerArn);
  }

  /** No check runs: every caller is unknown. */
  public static LocalCallers none() {
    return new LocalCallers(null, null);
  }

  /** The token the check sends. */
  public String checkToken() {
    if (token == null) {
      throw new IllegalStateException("no local check runs");
    }
    return new String(token, StandardCharsets.US_ASCII);
  }

  /** The verified caller's ARN, or null for a caller the local API does not know. */
  String userArn(Request request) {
    String sent = request.getHeaders().get(CHECK_HEADER);
    return token != null
            && sent != null
            && MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.US_ASCII))
        ? checkCallerArn
        : null;
  }
}
