package eyegan.serve;

/**
 * A request that cannot be answered, with the HTTP status TF Serving uses for it: 400 for bad
 * input (TF's INVALID_ARGUMENT), 404 for an unknown model or version (NOT_FOUND), 413 for a body
 * over this server's limit. The message becomes the response body {@code {"error": "..."}}.
 */
final class RestException extends RuntimeException {
  static final int BAD_REQUEST = 400;
  static final int NOT_FOUND = 404;
  static final int METHOD_NOT_ALLOWED = 405;
  static final int TOO_LARGE = 413;

  private final int status;

  RestException(int status, String message) {
    super(message, null, false, false); // an answer to a client, not a fault: no stack trace
    this.status = status;
  }

  static RestException badRequest(String message) {
    return new RestException(BAD_REQUEST, message);
  }

  static RestException notFound(String message) {
    return new RestException(NOT_FOUND, message);
  }

  int status() {
    return status;
  }
}
