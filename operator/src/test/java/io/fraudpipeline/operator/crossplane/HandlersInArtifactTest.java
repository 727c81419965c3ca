package io.fraudpipeline.operator.crossplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.contract.Handlers;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handler strings the operator writes into the Function MRs name real handler methods of the
 * functions artifact (system property {@code functions.artifact}, default {@code
 * functions/lambda/target/fraud-functions.zip}; the reactor builds it before this module). The zip
 * is loaded the way Lambda loads it: classes at its root plus the jars under {@code lib/}.
 */
class HandlersInArtifactTest {

  @TempDir Path unpacked;

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

  @Test
  void eachHandlerNamesAPublicHandleRequestOfAClassInTheArtifact() throws Exception {
    unzip(artifact(), unpacked);
    List<URL> classPath = new ArrayList<>();
    classPath.add(unpacked.toUri().toURL());
    Path lib = unpacked.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (var jars = Files.list(lib)) {
        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
          classPath.add(jar.toUri().toURL());
        }
      }
    }
    // the platform loader as parent: only the artifact's own classes count
    try (URLClassLoader loader =
        new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      for (FunctionRole f : FunctionRole.values()) {
        String handler = f.handler();
        String methodName = handler.substring(handler.indexOf("::") + 2);
        Class<?> type = Class.forName(Handlers.className(handler), false, loader);
        List<Method> candidates =
            Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(methodName))
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .toList();
        assertThat(candidates).as(handler).isNotEmpty();
        assertThat(type.getConstructor())
            .as(handler + " needs a public no-argument constructor")
            .isNotNull();
      }
    }
  }

  private static void unzip(Path zip, Path target) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path out = target.resolve(e.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("zip entry outside the target: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          copy(in, out);
        }
      }
    }
  }

  private static void copy(InputStream in, Path out) throws IOException {
    Files.write(out, in.readAllBytes());
  }
}
