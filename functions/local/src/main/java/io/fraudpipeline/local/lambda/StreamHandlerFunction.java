package io.fraudpipeline.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Runs a Lambda {@link RequestStreamHandler} through the entry point the Lambda runtime calls,
 * {@code handleRequest(input, output, context)}, with the event as JSON bytes: the local mode
 * exercises the same code path as the deployed function, including its JSON reading and writing.
 */
public final class StreamHandlerFunction implements LocalFunction {

  private final String functionName;
  private final RequestStreamHandler handler;

  public StreamHandlerFunction(String functionName, RequestStreamHandler handler) {
    this.functionName = functionName;
    this.handler = handler;
  }

  @Override
  public byte[] invoke(byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event),
          out,
          new LocalContext(functionName, UUID.randomUUID().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(functionName + " failed to read or write its event", e);
    }
    return out.toByteArray();
  }
}
