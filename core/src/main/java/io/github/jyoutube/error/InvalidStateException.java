package io.github.jyoutube.error;

/**
 * The redirect URL's {@code state} is missing or is not one this client issued (or was already
 * used). The redirect is refused before any request, as protection against cross-site request
 * forgery.
 */
public final class InvalidStateException extends OAuthException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param description what was wrong with the state; never quotes a code or secret
   */
  public InvalidStateException(String description) {
    super("invalid_state", description, -1);
  }
}
