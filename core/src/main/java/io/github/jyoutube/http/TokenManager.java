package io.github.jyoutube.http;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.TokenStore;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.YouTubeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The credential of one account: an access token that renews itself, or an API key.
 *
 * <p>With a refresh token and an {@link OAuthClient}, the access token is refreshed shortly before
 * it expires, and once after the API rejects it with 401. The refresh is single-flight: however
 * many threads need it, one refresh request goes out, on a thread of its own, and every thread
 * waits for that one result, each no longer than its own limit ({@code refreshWait}). Every token
 * obtained reaches the {@link TokenStore}.
 *
 * <p>A failed refresh is shared, not repeated: the threads that waited for it get its exception
 * (the same instance), and so do the calls that follow, without a new request, until a pause has
 * passed on the clock (1 s after the first failure, doubling up to a minute). A refresh that failed
 * while the old token is still valid (before expiry, inside the margin) does not fail the call: the
 * old token is used until it expires. {@code invalid_grant} is final for that refresh token: it
 * becomes a {@link ReauthorizationRequiredException}, raised once and rethrown for every later call
 * until another token is {@linkplain #use used}, or, for an account store's entry, until another
 * token is found there (asked at most once a second: the user signed in again elsewhere).
 *
 * <p>With one account of an {@link io.github.jyoutube.auth.AccountTokenStore} as its store ({@link
 * io.github.jyoutube.auth.AccountTokenStore#entry}), a refresh goes through that store ({@link
 * io.github.jyoutube.auth.AccountTokenStore#refresh}): a store shared between processes gives the
 * token another process stored meanwhile instead of refreshing again.
 *
 * <p>A manager holds no thread and no connection of its own, so one per account costs little; the
 * refreshes of all managers run on one shared pool of daemon threads.
 */
public final class TokenManager implements Authorizer {

  /** How long before expiry a token counts as expired, so it never expires in flight. */
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

  /** The pause after the first failed refresh; it doubles with each failure that follows. */
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

  /** The longest pause between refresh attempts after failures. */
  private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);

  /**
   * How often an account's store is asked again for a token other than a dead one: the user may
   * have signed in again through another process.
   */
  private static final Duration STORE_RECHECK = Duration.ofSeconds(1);

  /** How long a caller waits for a refresh by default, when the client does not say. */
  private static final Duration DEFAULT_REFRESH_WAIT = Duration.ofMinutes(2);

  /** Runs the refreshes of every manager: daemon threads, made as needed, gone when idle. */
  private static final ExecutorService REFRESHERS =
      Executors.newCachedThreadPool(Daemons.numbered("jyoutube-token-refresh-"));

  private final OAuthClient oauth;
  private final TokenStore store;
  private final Clock clock;
  private final String apiKey;
  private final String accountLabel;
  private final Duration refreshWait;
  private final Object lock = new Object();
  private final java.util.concurrent.atomic.AtomicLong refreshes =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile AccessToken current;

  // Guarded by lock.
  private String startingRefreshToken;
  private Refresh inFlight;
  private Failure lastFailure;
  private Instant lastStoreCheck;

  /** The refresh in flight, and the token it replaces ({@code null}: the first token). */
  private record Refresh(AccessToken stale, CompletableFuture<AccessToken> result) {}

  /**
   * A refresh that failed: for which token, with what, and until when no other is tried ({@code
   * null}: never again for that token).
   */
  private record Failure(AccessToken stale, RuntimeException error, Instant until, int count) {}

  /**
   * Creates the manager, without an account label, waiting at most two minutes for a refresh.
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
    this(initial, refreshToken, oauth, store, clock, apiKey, null, DEFAULT_REFRESH_WAIT);
  }

  /**
   * Creates the manager.
   *
   * @param initial the token to start with, or {@code null}
   * @param refreshToken a refresh token to obtain the first token with when {@code initial} is
   *     {@code null}, or {@code null}
   * @param oauth refreshes tokens, or {@code null} when the client has no client credentials
   * @param store receives every new token
   * @param clock tells when a token expires, and when to try a failed refresh again
   * @param apiKey sent when there is no token, or {@code null}
   * @param accountLabel names the account in {@link ReauthorizationRequiredException}, or {@code
   *     null}
   * @param refreshWait the longest a caller waits for a refresh, whoever started it: what one
   *     refresh may take with the client's timeouts and retries
   */
  public TokenManager(
      AccessToken initial,
      String refreshToken,
      OAuthClient oauth,
      TokenStore store,
      Clock clock,
      String apiKey,
      String accountLabel,
      Duration refreshWait) {
    this.current = initial;
    this.startingRefreshToken = initial == null ? refreshToken : null;
    this.oauth = oauth;
    this.store = Objects.requireNonNull(store, "store == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.apiKey = apiKey;
    this.accountLabel = accountLabel;
    this.refreshWait = Durations.positive(refreshWait, "refreshWait");
  }

  /** {@return the current token, if any} */
  public Optional<AccessToken> token() {
    return Optional.ofNullable(current);
  }

  /**
   * The account's label, if the client was given one.
   *
   * @return the account's label, if any
   */
  public Optional<String> accountLabel() {
    return Optional.ofNullable(accountLabel);
  }

  /**
   * Makes {@code token} the current one and stores it; a failed refresh is forgotten.
   *
   * @param token the new token
   */
  public void use(AccessToken token) {
    Objects.requireNonNull(token, "token == null");
    synchronized (lock) {
      current = token;
      lastFailure = null;
      store.save(token);
    }
  }

  /** Forgets the current token (and a refresh token given at the start) and clears the store. */
  public void forget() {
    synchronized (lock) {
      current = null;
      startingRefreshToken = null;
      lastFailure = null;
      store.clear();
    }
  }

  /**
   * Refreshes now, whatever the expiry says (a refresh already in flight is joined instead).
   *
   * @return the new token
   * @throws IllegalStateException if the client has no client credentials to refresh with
   * @throws ReauthorizationRequiredException {@code no_refresh_token} if there is no refresh token,
   *     or {@code invalid_grant} if Google refused the refresh token
   */
  public AccessToken refreshNow() {
    if (oauth == null) {
      throw new IllegalStateException(
          "cannot refresh: the client has no clientId and clientSecret; build it with them (or"
              + " clientSecretsFile) to refresh tokens");
    }
    AccessToken token = current;
    boolean firstToken;
    synchronized (lock) {
      firstToken = token == null && startingRefreshToken != null;
    }
    if (token == null && !firstToken) {
      throw reauthorization(
          "no_refresh_token",
          "there is no token to refresh: sign in first (the authorization code or device flow)",
          -1);
    }
    if (token != null && !token.isRefreshable()) {
      throw reauthorization(
          "no_refresh_token",
          "the access token came without a refresh token: sign in again, with"
              + " access_type=offline, to get one",
          -1);
    }
    return fresh(token, true, true);
  }

  @Override
  public Credential header() {
    AccessToken token = current;
    if (token == null) {
      boolean firstToken;
      synchronized (lock) {
        firstToken = startingRefreshToken != null && oauth != null;
      }
      if (firstToken) {
        return bearer(fresh(null, false, false));
      }
      if (apiKey != null) {
        return Credential.apiKey(apiKey);
      }
      throw new IllegalStateException(
          "no credential for API calls: obtain a token first (generateAccessToken), or build the"
              + " client with accessToken, refreshToken or apiKey");
    }
    if (canRefresh(token) && token.expiresWithin(clock, EXPIRY_MARGIN)) {
      token = fresh(token, false, false);
    }
    return bearer(token);
  }

  @Override
  public List<String> grantedScopes() {
    AccessToken token = current;
    if (token == null || token.scope() == null || token.scope().isBlank()) {
      return List.of();
    }
    return List.of(token.scope().strip().split("\\s+"));
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
      if (current == token && storedInstead(token) != null) {
        return true;
      }
      throw cannotRenew(token);
    }
    return fresh(token, true, false) != token;
  }

  /**
   * A token to use in place of {@code stale}: the one another thread got meanwhile, or the result
   * of the refresh in flight, started here if none is.
   *
   * @param stale the token the caller saw; {@code null} for the first token
   * @param rejected whether the API rejected {@code stale} (else it is only about to expire)
   * @param explicit whether the caller asked for the refresh (it does not wait out the pause after
   *     a failure; a final failure still stands)
   */
  private AccessToken fresh(AccessToken stale, boolean rejected, boolean explicit) {
    CompletableFuture<AccessToken> result = null;
    RuntimeException finalFailure = null; // unless the store has a token: read outside the lock
    synchronized (lock) {
      AccessToken now = current;
      if (now == null && stale != null) {
        throw new IllegalStateException(
            "the client's token was forgotten (revoked) meanwhile: sign in again");
      }
      if (now != stale) {
        return now;
      }
      if (!rejected && stale != null && !stale.expiresWithin(clock, EXPIRY_MARGIN)) {
        return stale;
      }
      Failure failure = lastFailure;
      if (failure != null && failure.stale() == stale) {
        boolean pausing = failure.until() == null || clock.instant().isBefore(failure.until());
        if (failure.until() == null || (pausing && !explicit)) {
          if (stillUsable(stale, rejected)) {
            return stale;
          }
          if (failure.until() != null) {
            throw failure.error();
          }
          finalFailure = failure.error();
        }
      }
      if (finalFailure == null) {
        if (inFlight == null || inFlight.stale() != stale) {
          inFlight = start(stale);
        }
        result = inFlight.result();
      }
    }
    if (finalFailure != null) {
      AccessToken replaced = storedInstead(stale);
      if (replaced != null) {
        return replaced;
      }
      throw finalFailure;
    }
    try {
      return result.get(refreshWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (stillUsable(stale, rejected)) {
        return stale;
      }
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime; // the one failure, shared by every thread that waited for it
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("token refresh failed", cause);
    } catch (TimeoutException e) {
      if (stillUsable(stale, rejected)) {
        return stale;
      }
      throw new TransportException(
          "the token refresh in flight did not finish within " + refreshWait, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting for the token refresh", e);
    }
  }

  @Override
  public long refreshes() {
    return refreshes.get();
  }

  /** Starts the refresh of {@code stale} on a refresher thread. Called with the lock held. */
  private Refresh start(AccessToken stale) {
    String refreshToken = stale == null ? startingRefreshToken : stale.refreshToken();
    CompletableFuture<AccessToken> result = new CompletableFuture<>();
    Refresh refresh = new Refresh(stale, result);
    REFRESHERS.execute(() -> run(refresh, refreshToken));
    return refresh;
  }

  /**
   * The one place a refresh request is made. The token of an account store's entry is refreshed
   * through the store ({@link io.github.jyoutube.auth.AccountTokenStore#refresh}), which stores it,
   * and which may give the token another process stored instead.
   */
  private void run(Refresh refresh, String refreshToken) {
    AccessToken fresh;
    boolean stored = false;
    try {
      if (store instanceof AccountEntry entry && refresh.stale() != null) {
        fresh = throughStore(entry, refresh.stale());
        stored = true;
      } else {
        fresh = oauth.refresh(refreshToken);
      }
    } catch (RuntimeException | Error e) {
      failed(refresh, e);
      return;
    }
    refreshes.incrementAndGet();
    try {
      synchronized (lock) {
        if (inFlight == refresh) {
          inFlight = null;
        }
        if (current == refresh.stale()) {
          current = fresh;
          lastFailure = null;
          startingRefreshToken = null;
          if (!stored) {
            store.save(fresh);
          }
        }
      }
      refresh.result().complete(fresh);
    } catch (RuntimeException e) {
      refresh.result().completeExceptionally(e); // the store failed; the token is in use anyway
    }
  }

  /**
   * Replaces {@code stale} through the account store: with the token another process stored
   * meanwhile, or with one refresh request made here. A token another process stored long ago may
   * itself be about to expire: it is replaced in turn (twice at most).
   */
  private AccessToken throughStore(AccountEntry entry, AccessToken stale) {
    AccessToken held = stale;
    for (int round = 0; ; round++) {
      boolean[] refreshedHere = {false};
      AccessToken next =
          entry.refresh(
              held,
              stored -> {
                refreshedHere[0] = true;
                if (!stored.isRefreshable()) {
                  throw reauthorization(
                      "no_refresh_token",
                      "the stored token came without a refresh token: sign in again",
                      -1);
                }
                return oauth.refresh(stored.refreshToken());
              });
      if (refreshedHere[0]
          || round == 2
          || !canRefresh(next)
          || !next.expiresWithin(clock, EXPIRY_MARGIN)) {
        return next;
      }
      held = next;
    }
  }

  private void failed(Refresh refresh, Throwable thrown) {
    Throwable shared = thrown;
    synchronized (lock) {
      if (inFlight == refresh) {
        inFlight = null;
      }
      if (thrown instanceof ReauthorizationRequiredException reauthorization) {
        // invalid_grant: this refresh token will never work again.
        shared = reauthorization.forAccount(accountLabel);
        lastFailure = new Failure(refresh.stale(), (RuntimeException) shared, null, 1);
      } else if (thrown instanceof YouTubeException error) {
        Failure before = lastFailure;
        int count = before != null && before.stale() == refresh.stale() ? before.count() + 1 : 1;
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(count - 1, 16));
        if (pause.compareTo(LONGEST_PAUSE) > 0) {
          pause = LONGEST_PAUSE;
        }
        lastFailure = new Failure(refresh.stale(), error, clock.instant().plus(pause), count);
      }
    }
    refresh.result().completeExceptionally(shared);
  }

  /**
   * For an account store's entry: the token stored there in place of {@code dead} since (the user
   * signed in again through another process), made current; {@code null} when there is none, or the
   * store was asked less than {@link #STORE_RECHECK} ago. Called without the lock: the store is
   * read outside it, so that the account's other calls do not wait on a slow database.
   */
  private AccessToken storedInstead(AccessToken dead) {
    if (!(store instanceof AccountEntry entry) || dead == null) {
      return null;
    }
    synchronized (lock) {
      Instant now = clock.instant();
      if (lastStoreCheck != null && now.isBefore(lastStoreCheck.plus(STORE_RECHECK))) {
        return null;
      }
      lastStoreCheck = now;
    }
    AccessToken stored = entry.load().orElse(null);
    if (stored == null || stored.accessToken().equals(dead.accessToken())) {
      return null;
    }
    synchronized (lock) {
      if (current != dead) {
        return current; // replaced meanwhile (a refresh, a sign-in): that one is newer
      }
      current = stored;
      lastFailure = null;
      return stored;
    }
  }

  /**
   * Whether a caller may go on with {@code stale} although its refresh failed: it was only about to
   * expire, and has not yet.
   */
  private boolean stillUsable(AccessToken stale, boolean rejected) {
    return !rejected
        && stale != null
        && stale.expiresAt() != null
        && clock.instant().isBefore(stale.expiresAt());
  }

  /**
   * The failure for a rejected token this client cannot renew: the same instance for every thread
   * that saw that token rejected.
   */
  private ReauthorizationRequiredException cannotRenew(AccessToken token) {
    synchronized (lock) {
      Failure failure = lastFailure;
      if (failure != null
          && failure.stale() == token
          && failure.error() instanceof ReauthorizationRequiredException known) {
        return known;
      }
      ReauthorizationRequiredException error =
          reauthorization(
              "invalid_token",
              token.isRefreshable()
                  ? "access token rejected, and this client cannot refresh it: it has no clientId"
                      + " and clientSecret (build it with them, or clientSecretsFile)"
                  : "access token rejected and no refresh token: sign in again, or build the"
                      + " client with refreshToken (and clientId, clientSecret) to renew it"
                      + " by itself",
              401);
      lastFailure = new Failure(token, error, null, 1);
      return error;
    }
  }

  private ReauthorizationRequiredException reauthorization(
      String error, String description, int status) {
    return new ReauthorizationRequiredException(error, description, status, accountLabel);
  }

  private boolean canRefresh(AccessToken token) {
    return oauth != null && token.isRefreshable();
  }

  private static Credential bearer(AccessToken token) {
    return Credential.bearer(token.accessToken());
  }

  @Override
  public String toString() {
    return "TokenManager["
        + (accountLabel == null ? "" : "account=" + accountLabel + ", ")
        + "token="
        + current
        + ", apiKey="
        + (apiKey == null ? "none" : "(redacted)")
        + "]";
  }
}
