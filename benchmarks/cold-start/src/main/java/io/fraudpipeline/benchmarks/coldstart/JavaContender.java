package io.fraudpipeline.benchmarks.coldstart;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one of our rows starts its JVM: which JDK, with Lambda's flags, on the zip's class path as
 * Lambda unpacks it or on jars with an AOT cache (the image deploy), primed or not, and what it
 * adds to the functions' environment (the HTTP client it names).
 */
record JavaContender(
    String label,
    Path javaHome,
    List<String> classpath,
    List<String> extra,
    boolean primed,
    Map<String, String> environment) {

  /** What the Lambda Java runtimes start the JVM with: C1 only and the serial collector. */
  static final List<String> LAMBDA_JIT_AND_GC =
      List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** ... and the JDK's default CDS archive, which an AOT cache replaces. */
  static final List<String> LAMBDA_FLAGS = concat(LAMBDA_JIT_AND_GC, List.of("-Xshare:auto"));

  /**
   * What the java25 runtime starts a SnapStart function with: the JVM's default tiered compilation
   * (C1 and C2), not C1 only, since compiling happens before the snapshot, off the invoke path (AWS
   * Lambda Developer Guide, "Customize Java runtime startup behavior").
   */
  static final List<String> LAMBDA_SNAPSTART_FLAGS = List.of("-XX:+UseSerialGC", "-Xshare:auto");

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  boolean available() {
    return Files.isExecutable(java());
  }

  Path java() {
    return javaHome.resolve("bin/java");
  }

  List<String> command(String handlerClass, Path event) {
    List<String> command = new ArrayList<>();
    command.add(java().toString());
    boolean aot = extra.stream().anyMatch(o -> o.startsWith("-XX:AOTCache"));
    command.addAll(aot ? LAMBDA_JIT_AND_GC : primed ? LAMBDA_SNAPSTART_FLAGS : LAMBDA_FLAGS);
    command.addAll(extra);
    if (primed) {
      command.add("-Dprime=true");
    }
    command.addAll(
        List.of(
            "-cp",
            String.join(File.pathSeparator, classpath),
            FirstEvent.class.getName(),
            handlerClass,
            event.toString()));
    return command;
  }
}
