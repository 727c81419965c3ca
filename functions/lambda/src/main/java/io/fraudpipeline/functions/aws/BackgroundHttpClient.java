package io.fraudpipeline.functions.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client built on a thread of its own while the handler goes on building its SDK clients
 * and reading its first event: the URL connection client sets up TLS when it is built (the JDK's
 * security providers, cipher suites and the trust store), the largest single cost of a cold start.
 * The first request waits for it, whatever its scheme, so nothing is skipped, only overlapped.
 */
final class BackgroundHttpClient implements SdkHttpClient {

  private final CompletableFuture<SdkHttpClient> client = new CompletableFuture<>();
  private final String name;

  /**
   * @param name what the built client's {@link SdkHttpClient#clientName()} says: the SDK asks for
   *     it while building its clients, before this one is ready
   */
  BackgroundHttpClient(String name, Supplier<SdkHttpClient> build) {
    this.name = name;
    Thread builder =
        new Thread(
            () -> {
              try {
                client.complete(build.get());
              } catch (Throwable e) {
                client.completeExceptionally(e);
              }
            },
            "http-client-build");
    builder.setDaemon(true);
    builder.start();
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return built().prepareRequest(request);
  }

  @Override
  public String clientName() {
    return name;
  }

  @Override
  public void close() {
    built().close();
  }

  private SdkHttpClient built() {
    try {
      return client.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
