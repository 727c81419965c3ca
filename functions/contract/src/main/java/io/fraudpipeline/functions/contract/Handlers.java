package io.fraudpipeline.functions.contract;

/**
 * The Lambda handler strings of the functions artifact. The operator writes them into the Function
 * managed resources; a test in the operator proves each names a real class of the artifact.
 */
public final class Handlers {

  /** Serves API Gateway proxy events and DynamoDB stream batches of the transactions table. */
  public static final String PROCESSOR =
      "io.fraudpipeline.functions.processor.TransactionProcessorHandler::handleRequest";

  /** Scores one transaction, invoked asynchronously by the processor. */
  public static final String SCORER =
      "io.fraudpipeline.functions.scorer.FraudScorerHandler::handleRequest";

  /**
   * The pipeline's end-to-end check, run on a schedule: sends a synthetic transaction through the
   * API and reads it back until it is scored.
   */
  public static final String CHECK =
      "io.fraudpipeline.functions.check.PipelineCheckHandler::handleRequest";

  private Handlers() {}

  /** The class part of a handler string ({@code pkg.Class::method} to {@code pkg.Class}). */
  public static String className(String handler) {
    int sep = handler.indexOf("::");
    return sep < 0 ? handler : handler.substring(0, sep);
  }
}
