package io.fraudpipeline.functions.runtime;

import java.util.Map;

/**
 * A Lambda Function as the operator's {@code render} gives it: what the Lambda service would hand
 * the runtime (the handler string, or the image's command, and the environment).
 *
 * @param awsName the function's name in AWS (the MR's external name)
 * @param packageType {@code Zip} or {@code Image}
 * @param handler the handler string: {@code handler} for a zip, {@code imageConfig.command[0]} for
 *     an image
 * @param region the function's region
 * @param memoryMb the function's memory
 * @param timeoutSeconds the function's timeout
 * @param environment {@code environment.variables}
 */
public record RenderedFunction(
    String awsName,
    String packageType,
    String handler,
    String region,
    int memoryMb,
    int timeoutSeconds,
    Map<String, String> environment) {

  public RenderedFunction withHandler(String other) {
    return new RenderedFunction(
        awsName, packageType, other, region, memoryMb, timeoutSeconds, environment);
  }
}
