package io.github.jyoutube.error;

/** The user declined the consent screen: the redirect URL carried {@code error=access_denied}. */
public final class AuthorizationDeniedException extends OAuthException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param error the error code from the redirect, usually {@code access_denied}
   * @param errorDescription the description from the redirect, or {@code null}
   */
  public AuthorizationDeniedException(String error, String errorDescription) {
    super(error, errorDescription, -1);
  }
}
