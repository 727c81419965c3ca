package io.fraudpipeline.operator.crossplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.testing.ProjectPaths;
import io.fraudpipeline.functions.contract.Handlers;
import io.fraudpipeline.operator.model.FunctionRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The handler strings the operator writes into the Function MRs name real classes of the functions
 * artifact (system property {@code functions.artifact}, default {@code
 * functions/lambda/target/fraud-functions.zip}; the reactor builds it before this module).
 */
class HandlersInArtifactTest {

  private static Path artifact() {
    String configured = System.getProperty("functions.artifact");
    Path zip =
        configured != null
            ? Path.of(configured)
            : ProjectPaths.root().resolve("functions/lambda/target/fraud-functions.zip");
    assertThat(zip)
        .as("the functions artifact; build it first: mvn -pl functions/lambda package")
        .exists();
    return zip;
  }

  /** Classes at the top of the zip, or in the jars under lib/, as Lambda's class path has them. */
  private static void collect(ZipInputStream zip, Set<String> entries) throws IOException {
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      entries.add(e.getName());
      if (e.getName().endsWith(".jar")) {
        collect(new ZipInputStream(zip), entries);
      }
    }
  }

  @Test
  void eachHandlerNamesAClassOfTheFunctionsArtifact() throws IOException {
    Set<String> entries = new HashSet<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(artifact()))) {
      collect(zip, entries);
    }
    for (FunctionRole f : FunctionRole.values()) {
      String classFile = Handlers.className(f.handler()).replace('.', '/') + ".class";
      assertThat(entries).as(f.handler()).contains(classFile);
      assertThat(f.handler()).endsWith("::handleRequest");
    }
  }
}
