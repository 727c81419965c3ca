package io.fraudpipeline.functions.packaging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays the Lambda runtime in a fresh JVM over the unpacked artifact: instantiates the handler the
 * way Lambda does (by name, no-arg constructor, configuration from the environment) and feeds it
 * the event files given; with {@code -Dprime=true} it first runs the handler's priming, as its CRaC
 * hook would before a SnapStart snapshot. Prints {@code INIT <ms>} once the handler is constructed,
 * then one line per event: {@code HANDLED <ms handling it> <response>}, and after the first the
 * process's CPU time so far, {@code CPU <ms>}. Only JDK classes here, so the classpath it adds is
 * nothing the artifact lacks.
 */
public final class HandlerMain {

  private HandlerMain() {}

  public static void main(String[] args) throws Exception {
    long boot = System.nanoTime();
    String handler = args[0];
    String className =
        handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    Object instance = Class.forName(className).getConstructor().newInstance();
    Method handle =
        instance
            .getClass()
            .getMethod(
                "handleRequest",
                InputStream.class,
                OutputStream.class,
                Class.forName("com.amazonaws.services.lambda.runtime.Context"));
    System.out.println("INIT " + millisSince(boot));
    if (Boolean.getBoolean("prime")) {
      // the primer the handler's CRaC hook runs before a SnapStart snapshot; called directly,
      // since only a CRaC JVM runs the hooks themselves
      Method prime = instance.getClass().getDeclaredMethod("prime");
      prime.setAccessible(true);
      prime.invoke(instance);
      System.out.println("PRIMED " + millisSince(boot));
    }
    for (int i = 1; i < args.length; i++) {
      long start = System.nanoTime();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handle.invoke(
          instance, new ByteArrayInputStream(Files.readAllBytes(Path.of(args[i]))), out, null);
      System.out.println(
          "HANDLED " + millisSince(start) + " " + out.toString(StandardCharsets.UTF_8));
      if (i == 1) {
        // CPU the whole process used up to its first response: steadier than wall time on a
        // loaded machine
        long cpu =
            ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        System.out.println("CPU " + cpu);
      }
      System.out.flush();
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
