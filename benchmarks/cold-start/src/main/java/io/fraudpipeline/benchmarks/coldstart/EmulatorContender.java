package io.fraudpipeline.benchmarks.coldstart;

import io.fraudpipeline.functions.runtime.EmulatedFunction;
import io.fraudpipeline.functions.runtime.FunctionsImage;
import io.fraudpipeline.functions.runtime.JavaRuntime;
import io.fraudpipeline.functions.runtime.RenderedFunction;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A row run in Lambda's own loop: the Runtime Interface Emulator starting the runtime interface
 * client at the first invocation, on the zip laid out as the java25 runtime lays it out, or through
 * the entrypoint of the image assembled from {@code functions/Dockerfile} (its AOT cache included).
 * A run is one fresh emulator and one invocation: INIT plus the first event, timed from the invoke
 * request to its answer, and the INIT the emulator reports.
 */
record EmulatorContender(
    String label,
    Path emulator,
    JavaRuntime runtime,
    Path taskRoot,
    FunctionsImage image,
    Map<String, String> added) {

  ProcessRun.Sample run(
      String handler,
      String event,
      Map<String, String> environment,
      List<String> jvmOptions,
      CaBundleNamespace namespace,
      Path work) {
    RenderedFunction function =
        new RenderedFunction(
            "fraud-bench",
            image == null ? "Zip" : "Image",
            handler,
            "us-east-1",
            1024,
            60,
            Map.of());
    Map<String, String> functionEnvironment = new HashMap<>(environment);
    functionEnvironment.putAll(added);
    Map<String, String> env =
        new HashMap<>(JavaRuntime.environment(function, taskRoot, functionEnvironment));
    List<String> bootstrap;
    if (image == null) {
      bootstrap = runtime.zipBootstrap(handler);
      if (!jvmOptions.isEmpty()) {
        env.put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
      }
    } else {
      bootstrap = image.start(handler);
      env.putAll(image.localEnvironment());
      if (!jvmOptions.isEmpty()) {
        env.put(
            "JAVA_TOOL_OPTIONS", env.get("JAVA_TOOL_OPTIONS") + " " + String.join(" ", jvmOptions));
      }
    }
    if (namespace != null) {
      bootstrap = namespace.wrap(bootstrap);
    }
    try (EmulatedFunction emulated =
        EmulatedFunction.start(emulator, bootstrap, taskRoot, env, work.resolve("emulator.log"))) {
      EmulatedFunction.Invocation first = emulated.invoke(event);
      if (first.status() != 200 || !emulated.postedResponse(first.requestId())) {
        throw new IllegalStateException(label + " did not answer:\n" + emulated.log());
      }
      long millis = first.elapsedNanos() / 1_000_000;
      long init = Math.round(emulated.initDurationMs().orElse(-1));
      return new ProcessRun.Sample(millis, init, 0, 0, init, first.body());
    }
  }
}
