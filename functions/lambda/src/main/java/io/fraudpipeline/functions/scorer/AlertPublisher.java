package io.fraudpipeline.functions.scorer;

/** Where fraud alerts go: the SNS topic in AWS, the console in the local mode. */
public interface AlertPublisher {

  /**
   * Publishes one alert.
   *
   * @throws RuntimeException when it could not be delivered; the caller may retry
   */
  void publish(FraudAlert alert);
}
