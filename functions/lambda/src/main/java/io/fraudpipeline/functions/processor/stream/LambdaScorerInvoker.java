package io.fraudpipeline.functions.processor.stream;

import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Invokes the scorer function asynchronously ({@code InvocationType=Event}): Lambda queues the
 * event, answers 202, and retries and dead-letters failures of the scorer on its own.
 */
public final class LambdaScorerInvoker implements ScorerInvoker {

  private final LambdaClient lambda;
  private final String functionName;

  public LambdaScorerInvoker(LambdaClient lambda, String functionName) {
    this.lambda = lambda;
    this.functionName = functionName;
  }

  @Override
  public void invoke(Transaction transaction) {
    InvokeResponse response =
        lambda.invoke(
            i ->
                i.functionName(functionName)
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromByteArray(ScoringPayload.toJson(transaction))));
    if (response.statusCode() != 202) {
      throw new IllegalStateException(
          "scorer "
              + functionName
              + " did not queue "
              + transaction.transactionId()
              + ": status "
              + response.statusCode());
    }
  }
}
