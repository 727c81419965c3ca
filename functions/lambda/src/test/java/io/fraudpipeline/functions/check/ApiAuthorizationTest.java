package io.fraudpipeline.functions.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudpipeline.functions.testing.SigV4Check;
import io.fraudpipeline.functions.testing.StubAwsEndpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** The check's requests as the API receives them under each of its authorizations. */
class ApiAuthorizationTest {

  private static final String SECRET = "check-secret";
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCHECK", SECRET));
  private static final byte[] BODY =
      "{\"transaction_id\":\"synthetic-1\",\"timestamp\":1,\"amount\":1}"
          .getBytes(StandardCharsets.UTF_8);

  private final StubAwsEndpoint api =
      new StubAwsEndpoint(r -> new StubAwsEndpoint.Response(202, "application/json", "{}"));
  private final StubAwsEndpoint apiGateway =
      new StubAwsEndpoint(
          r ->
              new StubAwsEndpoint.Response(
                  200, "application/json", "{\"id\":\"k1\",\"value\":\"the-key-value\"}"));

  @AfterEach
  void stop() {
    api.close();
    apiGateway.close();
  }

  private HttpTransactionsClient client(ApiAuthorization authorization) {
    return new HttpTransactionsClient(
        UrlConnectionHttpClient.create(), URI.create(api.endpoint() + "/prod/"), authorization);
  }

  /** The pipeline's key k1, read from API Gateway with the role's signature. */
  private HttpTransactionsClient apiKeyClient() {
    return client(
        new ApiKeyAuthorization(
            new HttpExchange(UrlConnectionHttpClient.create()),
            apiGateway.endpoint(),
            "k1",
            new SigV4(CREDENTIALS, Region.EU_WEST_1, SigV4.API_GATEWAY)));
  }

  @Test
  void withIamEveryRequestCarriesASignatureForExecuteApiThatVerifies() throws Exception {
    HttpTransactionsClient client =
        client(new SigV4(CREDENTIALS, Region.EU_WEST_1, SigV4.EXECUTE_API));

    client.post(BODY);
    client.get("synthetic-1");

    assertThat(api.requests())
        .extracting(StubAwsEndpoint.Request::method, StubAwsEndpoint.Request::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("POST", "/prod/transactions"),
            org.assertj.core.groups.Tuple.tuple("GET", "/prod/transactions/synthetic-1"));
    for (StubAwsEndpoint.Request request : api.requests()) {
      assertThat(SigV4Check.verify(request, SECRET)).isEqualTo("execute-api");
      assertThat(request.header("Authorization")).contains("/eu-west-1/execute-api/");
    }
    assertThat(api.requests().get(0).body()).isEqualTo(new String(BODY, StandardCharsets.UTF_8));
  }

  @Test
  void withAnApiKeyTheKeyIsReadOnceFromApiGatewayAndSentWithEveryRequest() throws Exception {
    HttpTransactionsClient client = apiKeyClient();

    client.post(BODY);
    client.get("synthetic-1");
    client.get("synthetic-1");

    assertThat(apiGateway.requests()).singleElement();
    StubAwsEndpoint.Request lookup = apiGateway.requests().get(0);
    assertThat(lookup.method()).isEqualTo("GET");
    assertThat(lookup.path()).isEqualTo("/apikeys/k1");
    assertThat(lookup.query()).isEqualTo("includeValue=true");
    assertThat(SigV4Check.verify(lookup, SECRET)).isEqualTo("apigateway");
    assertThat(api.requests())
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.header("x-api-key")).isEqualTo("the-key-value");
              assertThat(r.header("Authorization")).isNull();
            });
  }

  @Test
  void aKeyThatCannotBeReadFailsTheRequestAndIsTriedAgainNextTime() throws Exception {
    apiGateway.respondWith(
        r -> new StubAwsEndpoint.Response(403, "application/json", "{\"message\":\"denied\"}"));
    HttpTransactionsClient client = apiKeyClient();

    assertThatThrownBy(() -> client.post(BODY))
        .hasMessageContaining("API key k1")
        .hasMessageContaining("403");
    apiGateway.respondWith(
        r -> new StubAwsEndpoint.Response(200, "application/json", "{\"value\":\"v2\"}"));
    client.post(BODY);

    assertThat(api.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.header("x-api-key")).isEqualTo("v2"));
  }

  @Test
  void withNoAuthorizationTheRequestIsSentAsItIs() throws Exception {
    client(ApiAuthorization.none()).post(BODY);

    assertThat(api.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.header("Authorization")).isNull();
              assertThat(r.header("x-api-key")).isNull();
              assertThat(r.header("Content-Type")).isEqualTo("application/json");
            });
  }
}
