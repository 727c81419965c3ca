package io.fraudpipeline.testing.crd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The FraudPipeline CRD exactly as the build generated it (a resource of the crds jar). */
public final class FraudPipelineCrd {

  public static final String RESOURCE = "META-INF/fabric8/fraudpipelines.fraudpipeline.io-v1.yml";

  /** Where the generated CRD is committed, relative to the repository root. */
  public static final String COMMITTED_PATH = "crds/fraudpipelines.fraudpipeline.io-v1.yml";

  private FraudPipelineCrd() {}

  public static String yaml() {
    try (InputStream in = FraudPipelineCrd.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath: build crds first");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CrdValidator validator() {
    return CrdValidator.fromYaml(yaml());
  }
}
