package io.fraudpipeline.operator.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash over the API's methods and integrations: when it changes, the deployment is replaced, so
 * an edit reaches the stage (a REST API deployment is a snapshot: it never changes by itself).
 */
public final class DeploymentTrigger {

  private DeploymentTrigger() {}

  public static String hash(String canonicalDescription) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(canonicalDescription.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
