package io.fraudpipeline.local.http;

import io.fraudpipeline.functions.processor.api.ApiResponse;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors the server answers by itself, before or instead of a route: a request line it cannot
 * parse (a bad percent-escape such as {@code /transactions/%zz}, a raw space in the path), headers
 * too large, a failure of a route. They get the processor's error shape like every other error.
 */
final class JsonErrors extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status =
        request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    LocalHttpApi.send(request, response, callback, error(status));
    return true;
  }

  private static ApiResponse error(int status) {
    return switch (status) {
      case HttpStatus.BAD_REQUEST_400 ->
          ApiResponse.error(
              status,
              "request",
              "not a valid HTTP request: the path must be percent-encoded (e.g. %20 for a space,"
                  + " %25 for a percent sign) and the request line and headers well formed");
      case HttpStatus.URI_TOO_LONG_414 -> ApiResponse.error(status, "path", "the path is too long");
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ->
          ApiResponse.error(status, "headers", "the request headers are too large");
      default -> {
        String reason = HttpStatus.getMessage(status);
        yield ApiResponse.error(
            status, "request", reason == null ? "error " + status : reason.toLowerCase());
      }
    };
  }
}
