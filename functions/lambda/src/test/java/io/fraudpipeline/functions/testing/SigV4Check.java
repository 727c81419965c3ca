package io.fraudpipeline.functions.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a received request's AWS Signature Version 4 the way AWS does, written from the published
 * algorithm rather than with the SDK, so a request the code builds by hand (the scorer invoke) is
 * proven to carry a signature AWS would accept for these credentials.
 */
public final class SigV4Check {

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
              + "SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]{64})");

  private SigV4Check() {}

  /** The service the request was signed for, after checking the signature; throws if it fails. */
  public static String verify(StubAwsEndpoint.Request request, String secretKey) {
    Matcher auth = AUTHORIZATION.matcher(String.valueOf(request.header("Authorization")));
    if (!auth.matches()) {
      throw new AssertionError(
          "not a SigV4 Authorization header: " + request.header("Authorization"));
    }
    String date = auth.group(2);
    String region = auth.group(3);
    String service = auth.group(4);
    List<String> signedHeaders = Arrays.asList(auth.group(5).split(";"));
    String amzDate = request.header("X-Amz-Date");
    StringBuilder canonical = new StringBuilder();
    canonical.append(request.method()).append('\n');
    // no path segment here needs escaping, so the (doubly) encoded path is the path itself
    canonical.append(request.path()).append('\n');
    // the query's parameters here are single and already in order
    canonical.append(request.query()).append('\n');
    for (String name : signedHeaders) {
      String value = request.header(name);
      if (value == null) {
        throw new AssertionError("signed header " + name + " did not arrive");
      }
      canonical.append(name).append(':').append(value.trim().replaceAll(" +", " ")).append('\n');
    }
    canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
    String payloadHash = request.header("X-Amz-Content-Sha256");
    canonical.append(
        payloadHash != null
            ? payloadHash
            : hex(sha256(request.body().getBytes(StandardCharsets.UTF_8))));
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String toSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    String expected = hex(hmac(key, toSign));
    if (!expected.equals(auth.group(6))) {
      throw new AssertionError("SigV4 signature does not match; canonical request:\n" + canonical);
    }
    return service;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
