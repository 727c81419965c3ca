package io.fraudpipeline.functions.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The AWS CRT-based client the image adds to the zip's classes ({@code functions/Dockerfile},
 * decision 0012), after {@code package}: the client and the CRT's classes, and the natives of the
 * two platforms Lambda runs on and no other.
 */
class CrtPackageIT {

  @Test
  void holdsTheClientWithTheLinuxX8664AndAarch64NativesOnly() throws IOException {
    Path crt = PackagedArtifact.zip().resolveSibling("fraud-functions-crt-linux.zip");
    try (ZipFile zip = new ZipFile(crt.toFile())) {
      List<String> names = Collections.list(zip.entries()).stream().map(e -> e.getName()).toList();
      assertThat(names)
          .contains(
              "software/amazon/awssdk/http/crt/AwsCrtHttpClient.class",
              "software/amazon/awssdk/crt/CRT.class");
      assertThat(
              names.stream()
                  .filter(n -> n.endsWith(".so") || n.endsWith(".dylib") || n.endsWith(".dll")))
          .containsExactlyInAnyOrder(
              "linux/x86_64/glibc/libaws-crt-jni.so", "linux/armv8/glibc/libaws-crt-jni.so");
      // unpacked over the zip's classes, a services file would replace the zip's own
      assertThat(names).noneMatch(n -> n.startsWith("META-INF/services/"));
    }
  }
}
