package io.fraudpipeline.functions.check;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.fraudpipeline.functions.aws.Env;
import io.fraudpipeline.functions.aws.SigningHttp;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.metrics.PipelineMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;

/**
 * The pipeline's end-to-end check, invoked by its schedule (an EventBridge scheduled event, whose
 * content it does not need): runs {@link PipelineCheck} once within the invocation's time and
 * answers {@link CheckResult#toJson}. It never fails the invocation, so the schedule's retries
 * never multiply a failing check; the alarm reads the 0 it reports instead.
 */
public final class PipelineCheckHandler implements RequestStreamHandler {

  /**
   * The longest the check waits for its score; the function's timeout, less {@link #MARGIN}, bounds
   * it further.
   */
  public static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** Time kept back from the invocation's deadline to write the metrics and answer. */
  static final Duration MARGIN = Duration.ofSeconds(3);

  private final PipelineCheck check;

  /** For Lambda: the check as the environment the operator sets describes it. */
  public PipelineCheckHandler() {
    this(fromEnv(Env.system(), PipelineMetrics.fromEnv(Env.system())));
  }

  /** For tests and the local mode: the check over any API client. */
  public PipelineCheckHandler(PipelineCheck check) {
    this.check = check;
  }

  static PipelineCheck fromEnv(Env env, PipelineMetrics metrics) {
    URI endpoint = URI.create(env.required(EnvVars.API_ENDPOINT));
    String authorization = env.required(EnvVars.API_AUTHORIZATION);
    SigningHttp aws = new SigningHttp(env);
    ApiAuthorization auth =
        switch (authorization) {
          case "NONE" -> ApiAuthorization.none();
          case "AWS_IAM" -> new SigV4(aws.credentials(), aws.region(), SigV4.EXECUTE_API);
          case "API_KEY" ->
              new ApiKeyAuthorization(
                  new HttpExchange(aws.http()),
                  aws.apiGatewayEndpoint(),
                  env.required(EnvVars.API_KEY_ID),
                  new SigV4(aws.credentials(), aws.region(), SigV4.API_GATEWAY));
          default ->
              throw new IllegalStateException(
                  EnvVars.API_AUTHORIZATION
                      + " must be AWS_IAM, API_KEY or NONE, got '"
                      + authorization
                      + "'");
        };
    return new PipelineCheck(new HttpTransactionsClient(aws.http(), endpoint, auth), metrics);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    Duration budget = MAX_WAIT;
    if (context != null) {
      Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
      budget = left.compareTo(budget) < 0 ? left : budget;
    }
    output.write(Json.writeBytes(run(budget.isNegative() ? Duration.ZERO : budget).toJson()));
  }

  public CheckResult run(Duration budget) {
    return check.run(budget);
  }
}
