package io.fraudpipeline.local.lambda;

/**
 * A function as the local runtime invokes it: event bytes in, response bytes out, an exception for
 * a function error. The seam where the local mode runs the Lambda handlers, and where a caller may
 * wrap them (to observe or to inject failures).
 */
@FunctionalInterface
public interface LocalFunction {

  byte[] invoke(byte[] event);
}
