package io.fraudpipeline.functions.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lambda's managed java25 runtime, laid out on this machine: the runtime interface client and its
 * companions in a {@code /var/runtime/lib} of their own, the function's zip unpacked into a {@code
 * /var/task} of its own, a JDK 25 standing for {@code /var/lang}, and the environment the runtime
 * gives a function.
 *
 * @param jdkHome the JDK 25 that runs the function (Temurin 25 here)
 * @param runtimeLib the runtime interface client's jars
 */
public record JavaRuntime(Path jdkHome, Path runtimeLib) {

  /** The runtime interface client's entry point, as the java25 runtime's bootstrap starts it. */
  public static final String RUNTIME_CLIENT_MAIN =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  /**
   * The JIT and GC options Lambda documents for its Java runtimes (the same the cold-start
   * benchmark and the image use); the native-access option quiets the JDK 25 warning the client's
   * JNI library would print at every start.
   */
  public static final List<String> LAMBDA_JVM_OPTIONS =
      List.of(
          "-XX:+TieredCompilation",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "--enable-native-access=ALL-UNNAMED");

  public JavaRuntime {
    if (!Files.isExecutable(jdkHome.resolve("bin/java"))) {
      throw new IllegalStateException(
          "no JDK 25 at "
              + jdkHome
              + " (set -Djdk25.home): the runtime tier runs the functions on it");
    }
    if (!Files.isDirectory(runtimeLib)) {
      throw new IllegalStateException(
          runtimeLib + " is missing: the build copies the runtime client there");
    }
  }

  /**
   * Unpacks {@code zip} into {@code taskRoot}, as Lambda unpacks a function's code into {@code
   * /var/task}.
   */
  public static Path unpack(Path zip, Path taskRoot) {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      Files.createDirectories(taskRoot);
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = taskRoot.resolve(entry.getName()).normalize();
        if (!target.startsWith(taskRoot)) {
          throw new IllegalStateException("entry outside the archive root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
      return taskRoot;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The runtime's bootstrap for a zip function: the client alone on the class path, which loads the
   * handler's class from {@code LAMBDA_TASK_ROOT} by the handler string, as the managed runtime
   * does.
   */
  public List<String> zipBootstrap(String handler) {
    List<String> command = new ArrayList<>();
    command.add(jdkHome.resolve("bin/java").toString());
    command.addAll(LAMBDA_JVM_OPTIONS);
    command.addAll(List.of("-cp", runtimeLib + "/*", RUNTIME_CLIENT_MAIN, handler));
    return List.copyOf(command);
  }

  /**
   * The environment Lambda gives the function's process: the Function's own variables as rendered,
   * the runtime's reserved ones, and what the caller adds (credentials, endpoints).
   */
  public static Map<String, String> environment(
      RenderedFunction function, Path taskRoot, Map<String, String> added) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    environment.put("TZ", ":UTC");
    environment.put("LANG", "en_US.UTF-8");
    environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    environment.put("_HANDLER", function.handler());
    environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
    environment.put("AWS_REGION", function.region());
    environment.put("AWS_DEFAULT_REGION", function.region());
    environment.put("AWS_LAMBDA_FUNCTION_NAME", function.awsName());
    environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
    environment.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(function.timeoutSeconds()));
    environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    environment.putAll(function.environment());
    environment.putAll(added);
    return environment;
  }
}
