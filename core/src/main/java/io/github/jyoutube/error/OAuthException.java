package io.github.jyoutube.error;

/**
 * Google's OAuth 2.0 endpoints, or the authorization redirect, refused: {@code invalid_grant},
 * {@code invalid_client}, {@code access_denied} and the like; or their answer could not be used
 * ({@code invalid_response}, or {@code http_<status>} for an error answer that is not an OAuth
 * error). {@link ReauthorizationRequiredException} says that the user must sign in again.
 *
 * <p>{@link #error()} is the OAuth error code and {@link #errorDescription()} the text that came
 * with it, without control characters. Neither ever quotes a token, code or secret, not even one
 * the server sent back.
 */
public sealed class OAuthException extends YouTubeException
    permits AuthorizationDeniedException, InvalidStateException, ReauthorizationRequiredException {

  private static final long serialVersionUID = 1L;

  /** The OAuth error code. */
  private final String error;

  /** The {@code error_description}, or {@code null}. */
  private final String errorDescription;

  /** The HTTP status of the endpoint's answer, or -1. */
  private final int statusCode;

  /**
   * Creates the exception.
   *
   * @param error the OAuth error code, such as {@code invalid_grant}
   * @param errorDescription the description that came with it, or {@code null}
   * @param statusCode the HTTP status of the token endpoint's answer, or -1 for a redirect
   */
  public OAuthException(String error, String errorDescription, int statusCode) {
    this(error, errorDescription, statusCode, "");
  }

  OAuthException(String error, String errorDescription, int statusCode, String suffix) {
    super(
        error
            + (errorDescription == null || errorDescription.isEmpty()
                ? ""
                : ": " + errorDescription)
            + suffix,
        null);
    this.error = error;
    this.errorDescription = errorDescription;
    this.statusCode = statusCode;
  }

  /** {@return the OAuth error code, such as {@code invalid_grant}} */
  public String error() {
    return error;
  }

  /** {@return the {@code error_description} that came with the error, or {@code null}} */
  public String errorDescription() {
    return errorDescription;
  }

  /**
   * {@return the HTTP status of the endpoint's answer, or -1 when the error came in a redirect URL}
   */
  public int statusCode() {
    return statusCode;
  }
}
