package io.github.jyoutube.error;

import java.util.Optional;

/**
 * The user must sign in again: the client holds no credential it can renew for this account.
 *
 * <p>Thrown when Google answers a refresh with {@code invalid_grant} (the refresh token was
 * revoked, expired, or, for an app in Google's "Testing" publishing status, is older than seven
 * days), when the API rejects an access token that came without a refresh token ({@code
 * invalid_token}), and when {@code refreshAccessToken()} is asked for with no refresh token ({@code
 * no_refresh_token}). A server catches it to ask that user, named by {@link #accountLabel()} when
 * the client was given one, to authorize again.
 *
 * <p>It is raised once per dead credential: every call that fails for the same reason, from any
 * thread, gets the same instance, and no further refresh request is sent for that refresh token.
 * Its message never quotes a token.
 */
public final class ReauthorizationRequiredException extends OAuthException {

  private static final long serialVersionUID = 1L;

  /** The account that must sign in again, or {@code null}. */
  private final String accountLabel;

  /**
   * Creates the exception.
   *
   * @param error {@code invalid_grant}, {@code invalid_token} or {@code no_refresh_token}
   * @param errorDescription what happened, never quoting a token; or {@code null}
   * @param statusCode the HTTP status of the answer that showed it, or -1
   * @param accountLabel the account's label, or {@code null} when none is known
   */
  public ReauthorizationRequiredException(
      String error, String errorDescription, int statusCode, String accountLabel) {
    super(
        error,
        errorDescription,
        statusCode,
        accountLabel == null ? "" : " (account " + accountLabel + ")");
    this.accountLabel = accountLabel;
  }

  /** {@return the label of the account that must sign in again, when the client was given one} */
  public Optional<String> accountLabel() {
    return Optional.ofNullable(accountLabel);
  }

  /**
   * This exception for the account {@code label}: the same error, description and status.
   *
   * @param label the account's label, or {@code null}
   * @return a new exception, or this one when the label is the same
   */
  public ReauthorizationRequiredException forAccount(String label) {
    if (java.util.Objects.equals(label, accountLabel)) {
      return this;
    }
    return new ReauthorizationRequiredException(error(), errorDescription(), statusCode(), label);
  }
}
