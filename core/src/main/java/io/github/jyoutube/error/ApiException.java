package io.github.jyoutube.error;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The API answered with an error status: YouTube's error body, parsed.
 *
 * <p>Carries the HTTP status, Google's {@code error.message}, every {@code errors[]} entry (reason,
 * domain, location), the raw body and the response headers. Subclasses name the common cases so
 * that callers can catch them; {@link #of} is the one place that maps a response to its class.
 */
public sealed class ApiException extends YouTubeException
    permits BadRequestException,
        UnauthorizedException,
        ForbiddenException,
        QuotaExceededException,
        RateLimitedException,
        NotFoundException,
        ConflictException,
        ServerErrorException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status code. */
  private final int statusCode;

  /** Google's {@code error.message}, or {@code null}. */
  private final String errorMessage;

  /** Google's {@code error.status}, or {@code null}. */
  private final String status;

  private final transient List<ErrorDetail> errors;

  /** The raw response body. */
  private final String body;

  private final transient Map<String, List<String>> headers;

  ApiException(ErrorBody error) {
    this(error, null);
  }

  /** With {@code detail}, a sentence of our own, after the server's message. */
  ApiException(ErrorBody error, String detail) {
    super(detail == null ? describe(error) : withSentence(describe(error), detail), null);
    this.statusCode = error.statusCode();
    this.errorMessage = error.message();
    this.status = error.status();
    this.errors = List.copyOf(error.errors());
    this.body = error.body();
    this.headers = Map.copyOf(error.headers());
  }

  /**
   * Maps an error response to the exception that names it. This is the only place where statuses
   * and reasons are turned into exception classes.
   *
   * @param error the parsed error response
   * @return the exception for it, never {@code null}
   */
  public static ApiException of(ErrorBody error) {
    Objects.requireNonNull(error, "error == null");
    if (error.quotaExceeded()) {
      return new QuotaExceededException(error);
    }
    if (error.rateLimited()) {
      return new RateLimitedException(error);
    }
    return switch (error.statusCode()) {
      case 400 -> new BadRequestException(error);
      case 401 -> new UnauthorizedException(error);
      case 403 -> new ForbiddenException(error);
      case 404 -> new NotFoundException(error);
      case 409 -> new ConflictException(error);
      default ->
          error.statusCode() >= 500 ? new ServerErrorException(error) : new ApiException(error);
    };
  }

  /**
   * {@link #of(ErrorBody)} for a call of {@code method}, a method that a token with any one of
   * {@code acceptedScopes} may call: a 403 for want of a scope ({@link
   * ForbiddenException#insufficientScope()}) names them, and those the token has, in its message
   * and in {@link ForbiddenException#acceptedScopes()} and {@link
   * ForbiddenException#grantedScopes()}. Any other answer maps as {@link #of(ErrorBody)} maps it.
   *
   * @param error the parsed error response
   * @param method the method called, such as {@code captions.list}
   * @param acceptedScopes the scopes that allow the method, from the discovery document
   * @param grantedScopes the scopes of the token that was sent; empty if unknown
   * @return the exception for it, never {@code null}
   */
  public static ApiException of(
      ErrorBody error, String method, List<String> acceptedScopes, List<String> grantedScopes) {
    Objects.requireNonNull(method, "method == null");
    ApiException plain = of(error);
    if (!(plain instanceof ForbiddenException forbidden)
        || !forbidden.insufficientScope()
        || acceptedScopes.isEmpty()) {
      return plain;
    }
    return new ForbiddenException(error, method, acceptedScopes, grantedScopes);
  }

  /** {@return the HTTP status code, such as 403} */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Google's {@code error.message}; may contain HTML. {@code null} if the body had none.
   *
   * @return Google's {@code error.message}, or {@code null}
   */
  public String errorMessage() {
    return errorMessage;
  }

  /**
   * Google's {@code error.status}, such as {@code PERMISSION_DENIED}; {@code null} if absent.
   *
   * @return Google's {@code error.status}, or {@code null}
   */
  public String status() {
    return status;
  }

  /**
   * The reason of the first {@code errors[]} entry, such as {@code quotaExceeded}, or null.
   *
   * @return the first entry's reason, or {@code null}
   */
  public String reason() {
    return errors.isEmpty() ? null : errors.get(0).reason();
  }

  /**
   * Every {@code errors[]} entry, in order; empty when the body had none.
   *
   * @return every {@code errors[]} entry, in order
   */
  public List<ErrorDetail> errors() {
    return errors;
  }

  /** {@return the raw response body, as text} */
  public String body() {
    return body;
  }

  /** {@return the response headers, names in lower case} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  private static String withSentence(String message, String sentence) {
    String trimmed = message.strip();
    return trimmed + (trimmed.endsWith(".") ? " " : ". ") + sentence;
  }

  private static String describe(ErrorBody error) {
    StringBuilder text = new StringBuilder().append(error.statusCode());
    if (!error.errors().isEmpty() && error.errors().get(0).reason() != null) {
      text.append(' ').append(error.errors().get(0).reason());
    }
    if (error.message() != null) {
      text.append(": ").append(error.message());
    } else if (!error.body().isEmpty()) {
      text.append(": ").append(ErrorBody.snippet(error.body()));
    }
    return text.toString();
  }
}
