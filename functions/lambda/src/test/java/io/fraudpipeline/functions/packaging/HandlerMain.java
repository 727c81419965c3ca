package io.fraudpipeline.functions.packaging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Plays the Lambda runtime in a fresh JVM over the unpacked artifact: instantiates the handler the
 * way Lambda does (by name, no-arg constructor, configuration from the environment) and feeds it
 * the event files given. Prints one line per event: {@code HANDLED <ms since process start>
 * <response>}. Only JDK classes here, so the classpath it adds is nothing the artifact lacks.
 */
public final class HandlerMain {

  private HandlerMain() {}

  public static void main(String[] args) throws Exception {
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
    Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
    for (int i = 1; i < args.length; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handle.invoke(
          instance, new ByteArrayInputStream(Files.readAllBytes(Path.of(args[i]))), out, null);
      long millis = Duration.between(started, Instant.now()).toMillis();
      System.out.println("HANDLED " + millis + " " + out.toString(StandardCharsets.UTF_8));
      System.out.flush();
    }
  }
}
