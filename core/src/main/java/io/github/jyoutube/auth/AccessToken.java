package io.github.jyoutube.auth;

import io.github.jyoutube.http.Credential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token answer from Google's token endpoint, with the moment it expires.
 *
 * <p>{@link #toString()} never shows the access token, refresh token or ID token: {@code
 * AccessToken[accessToken=ya29…(redacted), expiresIn=3600, tokenType=Bearer]}.
 *
 * @param accessToken the bearer token sent with API calls
 * @param expiresIn its lifetime in seconds when issued, or {@code null} if unknown
 * @param tokenType the token type, {@code Bearer}
 * @param refreshToken the refresh token, or {@code null} if none was issued
 * @param scope the granted scopes, space-separated, or {@code null}
 * @param idToken the OpenID Connect ID token, or {@code null}
 * @param expiresAt when the access token expires, or {@code null} if unknown
 */
public record AccessToken(
    String accessToken,
    Long expiresIn,
    String tokenType,
    String refreshToken,
    String scope,
    String idToken,
    Instant expiresAt) {

  /** The longest lifetime accepted: ten years, far beyond any token Google issues. */
  public static final long MAX_EXPIRES_IN = 10L * 366 * 24 * 60 * 60;

  /**
   * Checks that there is a token that a header can carry, and a lifetime that can be counted. The
   * messages name the part that is wrong, never its value.
   *
   * @param accessToken the value for the {@code accessToken} record component
   * @param expiresIn the value for the {@code expiresIn} record component
   * @param tokenType the value for the {@code tokenType} record component
   * @param refreshToken the value for the {@code refreshToken} record component
   * @param scope the value for the {@code scope} record component
   * @param idToken the value for the {@code idToken} record component
   * @param expiresAt the value for the {@code expiresAt} record component
   * @throws IllegalArgumentException if {@code accessToken} is missing or holds a control
   *     character, a space or a non-ASCII character; if {@code refreshToken} holds one; or if
   *     {@code expiresIn} is negative or over {@link #MAX_EXPIRES_IN}
   */
  public AccessToken {
    if (accessToken == null || accessToken.isEmpty()) {
      throw new IllegalArgumentException("accessToken is missing");
    }
    if (!headerSafe(accessToken)) {
      throw new IllegalArgumentException(
          "accessToken holds a character an HTTP header cannot carry (a control character, a"
              + " space or a non-ASCII character); the value is not shown");
    }
    if (refreshToken != null && !headerSafe(refreshToken)) {
      throw new IllegalArgumentException(
          "refreshToken holds a control character, a space or a non-ASCII character; the value"
              + " is not shown");
    }
    if (expiresIn != null && (expiresIn < 0 || expiresIn > MAX_EXPIRES_IN)) {
      throw new IllegalArgumentException(
          "expiresIn must be between 0 and " + MAX_EXPIRES_IN + " seconds: " + expiresIn);
    }
  }

  /** Whether every character is visible ASCII, as a bearer token's are (RFC 6750). */
  static boolean headerSafe(String value) {
    return Credential.headerSafe(value);
  }

  /**
   * A token known only by its value, as when a caller passes one in.
   *
   * @param accessToken the bearer token
   * @return a token with no expiry and no refresh token
   */
  public static AccessToken of(String accessToken) {
    return new AccessToken(accessToken, null, "Bearer", null, null, null, null);
  }

  /**
   * This token with {@code token} as its refresh token, as when an app stored the two separately.
   *
   * @param token the refresh token, or {@code null} for none
   * @return a copy with that refresh token
   */
  public AccessToken withRefreshToken(String token) {
    return new AccessToken(accessToken, expiresIn, tokenType, token, scope, idToken, expiresAt);
  }

  /**
   * Whether the token expires within {@code margin} of the clock's now.
   *
   * @param clock the clock to read
   * @param margin how early to count a token as expired
   * @return {@code false} when the expiry is unknown
   */
  public boolean expiresWithin(Clock clock, Duration margin) {
    return expiresAt != null && !clock.instant().plus(margin).isBefore(expiresAt);
  }

  /** {@return whether a refresh token came with this token} */
  public boolean isRefreshable() {
    return refreshToken != null && !refreshToken.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("AccessToken[accessToken=").append(redact(accessToken));
    if (expiresIn != null) {
      text.append(", expiresIn=").append(expiresIn);
    }
    text.append(", tokenType=").append(tokenType);
    if (refreshToken != null) {
      text.append(", refreshToken=(redacted)");
    }
    if (scope != null) {
      text.append(", scope=").append(scope);
    }
    if (expiresAt != null) {
      text.append(", expiresAt=").append(expiresAt);
    }
    return text.append(']').toString();
  }

  /** The first four characters of a long secret, which name its kind (ya29, 1//0), then nothing. */
  static String redact(String secret) {
    if (secret == null) {
      return "null";
    }
    return secret.length() >= 20 ? secret.substring(0, 4) + "…(redacted)" : "(redacted)";
  }
}
