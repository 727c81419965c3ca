package io.fraudpipeline.benchmarks.coldstart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays the Lambda runtime in the measured JVM: builds the handler as Lambda does (by name, no-arg
 * constructor, configuration from the environment) and hands it one event file. With {@code
 * -Dprime=true} it first runs what the SnapStart hook runs before the snapshot (the TLS primer and
 * the handler's primer), so the event is the first after a restore. Prints {@code HANDLED <ms
 * handling it> <response>}. JDK classes only: it adds nothing to the artifact's class path.
 */
public final class FirstEvent {

  private FirstEvent() {}

  public static void main(String[] args) throws Exception {
    Object handler = Class.forName(args[0]).getConstructor().newInstance();
    Method handle =
        handler
            .getClass()
            .getMethod(
                "handleRequest",
                InputStream.class,
                OutputStream.class,
                Class.forName("com.amazonaws.services.lambda.runtime.Context"));
    if (Boolean.getBoolean("prime")) {
      // a CRaC JVM calls the hook itself; here what the hook runs (the handler registered it)
      Class.forName("io.fraudpipeline.functions.aws.SnapStartPriming")
          .getMethod("primeAll")
          .invoke(null);
    }
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    long start = System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handle.invoke(handler, new ByteArrayInputStream(event), out, null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("HANDLED " + millis + " " + out.toString(StandardCharsets.UTF_8));
    System.out.flush();
    // the handlers' thread pools are daemons; nothing else keeps the JVM
  }
}
