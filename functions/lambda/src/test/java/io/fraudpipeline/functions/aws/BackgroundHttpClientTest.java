package io.fraudpipeline.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

class BackgroundHttpClientTest {

  private static final HttpExecuteRequest REQUEST =
      HttpExecuteRequest.builder()
          .request(
              SdkHttpFullRequest.builder()
                  .uri(URI.create("http://127.0.0.1:1/"))
                  .method(SdkHttpMethod.GET)
                  .build())
          .build();

  @Test
  void namesItselfWithoutWaitingAndRequestsWaitForTheBuiltClient() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BackgroundHttpClient client =
        new BackgroundHttpClient(
            "UrlConnection",
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return UrlConnectionHttpClient.create();
            });

    assertThat(client.clientName()).isEqualTo("UrlConnection");
    release.countDown();
    assertThat(client.prepareRequest(REQUEST)).isNotNull();
    client.close();
  }

  @Test
  void aClientThatCouldNotBeBuiltFailsTheRequestWithItsOwnError() {
    BackgroundHttpClient client =
        new BackgroundHttpClient(
            "UrlConnection",
            () -> {
              throw new IllegalStateException("no TLS here");
            });

    assertThatThrownBy(() -> client.prepareRequest(REQUEST))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no TLS here");
  }
}
