package io.fraudpipeline.operator.reconciler;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps the mock server's dispatcher (CRUD with expectations first, or the benchmark's indexed
 * CRUD) and keeps hold of the open watch connections, so a test can drop them as a restarting API
 * server or a load balancer would, and measures the time it spends answering (to tell the
 * operator's cost from the mock's in the benchmark).
 */
final class WatchDroppingDispatcher extends Dispatcher {

  private final Dispatcher delegate;
  private final Map<WebSocket, String> openWatches = new ConcurrentHashMap<>();
  private final AtomicLong busyNanos = new AtomicLong();

  WatchDroppingDispatcher(Dispatcher delegate) {
    this.delegate = delegate;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    long start = System.nanoTime();
    try {
      MockResponse response = delegate.dispatch(request);
      WebSocketListener watch = response.getWebSocketListener();
      if (watch != null) {
        response.withWebSocketUpgrade(new Tracked(watch, request.getPath()));
      }
      return response;
    } finally {
      busyNanos.addAndGet(System.nanoTime() - start);
    }
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  /** Closes every open watch whose request path contains {@code pathPart}; returns how many. */
  int dropWatches(String pathPart) {
    int dropped = 0;
    for (var watch : openWatches.entrySet()) {
      if (watch.getValue().contains(pathPart)) {
        watch.getKey().close(1001, "dropped by the test");
        openWatches.remove(watch.getKey());
        dropped++;
      }
    }
    return dropped;
  }

  /** Time spent in {@link #dispatch} so far, all threads together. */
  long busyNanos() {
    return busyNanos.get();
  }

  /** Delegates to the CRUD dispatcher's listener, remembering the socket while it is open. */
  private final class Tracked extends WebSocketListener {
    private final WebSocketListener delegate;
    private final String path;

    Tracked(WebSocketListener delegate, String path) {
      this.delegate = delegate;
      this.path = path;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
      delegate.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      openWatches.put(webSocket, path);
      delegate.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      delegate.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
      delegate.onMessage(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      openWatches.remove(webSocket);
      delegate.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      openWatches.remove(webSocket);
      delegate.onClosed(webSocket, code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
      openWatches.remove(webSocket);
      delegate.onFailure(webSocket, error, response);
    }
  }
}
