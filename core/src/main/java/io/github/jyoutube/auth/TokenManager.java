package io.github.jyoutube.auth;

import io.github.jyoutube.http.Authorizer;
import io.github.jyoutube.http.Credential;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client's credential: an access token that renews itself, or an API key.
 *
 * <p>With a refresh token and an {@link OAuthClient}, the access token is refreshed shortly before
 * it expires, and once after the API rejects it with 401. However many threads ask at that moment,
 * one refresh request goes out: the others wait for it and use its token. Every token obtained
 * reaches the {@link TokenStore}.
 */
public final class TokenManager implements Authorizer {

  /** How long before expiry a token counts as expired, so it never expires in flight. */
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

  private final OAuthClient oauth;
  private final TokenStore store;
  private final Clock clock;
  private final String apiKey;
  private final String startingRefreshToken;
  private final ReentrantLock refreshLock = new ReentrantLock();
  private volatile AccessToken current;

  /**
   * Creates the manager.
   *
   * @param initial the token to start with, or {@code null}
   * @param refreshToken a refresh token to obtain the first token with when {@code initial} is
   *     {@code null}, or {@code null}
   * @param oauth refreshes tokens, or {@code null} when the client has no client credentials
   * @param store receives every new token
   * @param clock tells when a token expires
   * @param apiKey sent when there is no token, or {@code null}
   */
  public TokenManager(
      AccessToken initial,
      String refreshToken,
      OAuthClient oauth,
      TokenStore store,
      Clock clock,
      String apiKey) {
    this.current = initial;
    this.startingRefreshToken = refreshToken;
    this.oauth = oauth;
    this.store = Objects.requireNonNull(store, "store == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.apiKey = apiKey;
  }

  /** {@return the current token, if any} */
  public Optional<AccessToken> token() {
    return Optional.ofNullable(current);
  }

  /**
   * Makes {@code token} the current one and stores it.
   *
   * @param token the new token
   */
  public void use(AccessToken token) {
    Objects.requireNonNull(token, "token == null");
    refreshLock.lock();
    try {
      current = token;
      store.save(token);
    } finally {
      refreshLock.unlock();
    }
  }

  /** Forgets the current token and clears the store. */
  public void forget() {
    refreshLock.lock();
    try {
      current = null;
      store.clear();
    } finally {
      refreshLock.unlock();
    }
  }

  /**
   * Refreshes now, whatever the expiry says.
   *
   * @return the new token
   * @throws IllegalStateException if there is no refresh token or no client credentials
   */
  public AccessToken refreshNow() {
    AccessToken token = current;
    if (token == null && oauth != null && startingRefreshToken != null) {
      return firstToken();
    }
    if (token == null || !token.isRefreshable() || oauth == null) {
      throw new IllegalStateException(
          "cannot refresh: "
              + (oauth == null
                  ? "the client has no clientId and clientSecret"
                  : "there is no refresh token"));
    }
    return refresh(token, true);
  }

  @Override
  public Credential header() {
    AccessToken token = current;
    if (token == null && oauth != null && startingRefreshToken != null) {
      token = firstToken();
    }
    if (token == null) {
      if (apiKey != null) {
        return Credential.apiKey(apiKey);
      }
      throw new IllegalStateException(
          "no credential for API calls: obtain a token first (generateAccessToken), or build the"
              + " client with accessToken, refreshToken or apiKey");
    }
    if (canRefresh(token) && token.expiresWithin(clock, EXPIRY_MARGIN)) {
      token = refresh(token, false);
    }
    return bearer(token);
  }

  @Override
  public boolean renewAfterRejection(Credential rejected) {
    AccessToken token = current;
    if (token == null || rejected.inQuery()) {
      return false;
    }
    if (!rejected.value().equals(bearer(token).value())) {
      return true; // another thread has refreshed since: try its token
    }
    if (!canRefresh(token)) {
      return false;
    }
    return refresh(token, true) != token;
  }

  /**
   * Refreshes {@code stale} unless another thread already replaced it: the lock makes concurrent
   * callers wait for the one refresh in flight, then they see its result.
   */
  private AccessToken refresh(AccessToken stale, boolean rejected) {
    refreshLock.lock();
    try {
      AccessToken now = current;
      if (now != stale) {
        return now;
      }
      if (!rejected && !now.expiresWithin(clock, EXPIRY_MARGIN)) {
        return now;
      }
      AccessToken fresh = oauth.refresh(stale.refreshToken());
      current = fresh;
      store.save(fresh);
      return fresh;
    } finally {
      refreshLock.unlock();
    }
  }

  /** Obtains the first token from the refresh token given at construction, once. */
  private AccessToken firstToken() {
    refreshLock.lock();
    try {
      if (current == null) {
        AccessToken fresh = oauth.refresh(startingRefreshToken);
        current = fresh;
        store.save(fresh);
      }
      return current;
    } finally {
      refreshLock.unlock();
    }
  }

  private boolean canRefresh(AccessToken token) {
    return oauth != null && token.isRefreshable();
  }

  private static Credential bearer(AccessToken token) {
    return Credential.bearer(token.accessToken());
  }

  @Override
  public String toString() {
    return "TokenManager[token="
        + current
        + ", apiKey="
        + (apiKey == null ? "none" : "(redacted)")
        + "]";
  }
}
