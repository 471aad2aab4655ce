package io.github.jyoutube.http;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AuthorizationOptions;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.auth.DeviceAuthorization;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.AuthorizationDeniedException;
import io.github.jyoutube.error.InvalidStateException;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.error.TransportException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Google's OAuth 2.0 endpoints: the authorization code flow (authorization URLs with state and
 * PKCE, the exchange of a redirect or code for a token), the device authorization grant for devices
 * without a browser (RFC 8628), refresh and revocation.
 *
 * <p>The client remembers each state it issues, with its PKCE verifier and redirect URI, for ten
 * minutes; a redirect is accepted once, and only with a state it issued. Every answer is read with
 * suspicion: one the client cannot use is an {@link OAuthException} ({@code invalid_response}) that
 * names what was wrong, and no message ever quotes a token, code or secret, even one the server
 * sent back. Safe for use from several threads.
 */
public final class OAuthClient {

  /** How long an issued state stays acceptable. */
  private static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  /** How many unanswered authorizations are remembered at once; the oldest is dropped first. */
  private static final int MAX_PENDING = 32;

  /** The redirect URI the seed uses when none is configured. */
  public static final String DEFAULT_REDIRECT_URI = "https://localhost/";

  /** The grant type of device authorization polls (RFC 8628). */
  public static final String DEVICE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

  /** How much longer to wait between polls after each {@code slow_down}, as RFC 8628 says. */
  public static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

  private final String clientId;
  private final String clientSecret;
  private final String defaultRedirectUri;
  private final Endpoints endpoints;
  private final HttpExecutor executor;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Pending> pending = new LinkedHashMap<>();

  /** What the client remembers of an authorization URL it issued. */
  private record Pending(String verifier, String redirectUri, Instant issuedAt) {
    @Override
    public String toString() {
      return "Pending[redirectUri=" + redirectUri + ", issuedAt=" + issuedAt + "]";
    }
  }

  /**
   * Creates the flow.
   *
   * @param clientId the OAuth client ID
   * @param clientSecret the client secret, or {@code null} for a public client
   * @param defaultRedirectUri the redirect URI used when the options name none
   * @param endpoints where the OAuth endpoints are
   * @param executor sends the token requests (unauthenticated)
   * @param clock the clock that stamps token expiry and ages states
   */
  public OAuthClient(
      String clientId,
      String clientSecret,
      String defaultRedirectUri,
      Endpoints endpoints,
      HttpExecutor executor,
      Clock clock) {
    this.clientId = Objects.requireNonNull(clientId, "clientId == null");
    this.clientSecret = clientSecret;
    this.defaultRedirectUri = Objects.requireNonNull(defaultRedirectUri, "redirectUri == null");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints == null");
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** {@return the client ID} */
  public String clientId() {
    return clientId;
  }

  /**
   * Builds the URL of the consent page and remembers its state (and PKCE verifier).
   *
   * @param options what to ask for
   * @return the URL and its state
   */
  public AuthorizationUrl authorizationUrl(AuthorizationOptions options) {
    Objects.requireNonNull(options, "options == null");
    String redirectUri = options.redirectUri() != null ? options.redirectUri() : defaultRedirectUri;
    String state = options.state() != null ? options.state() : Pkce.randomToken(random);
    String verifier = options.pkce() ? Pkce.newVerifier(random) : null;

    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri);
    query.put("scope", String.join(" ", options.scopes()));
    query.put("state", state);
    query.put("access_type", options.accessType());
    if (options.prompt() != null) {
      query.put("prompt", options.prompt());
    }
    if (options.loginHint() != null) {
      query.put("login_hint", options.loginHint());
    }
    if (options.includeGrantedScopes()) {
      query.put("include_granted_scopes", "true");
    }
    if (verifier != null) {
      query.put("code_challenge", Pkce.challenge(verifier));
      query.put("code_challenge_method", "S256");
    }
    synchronized (pending) {
      expireOldStates();
      pending.remove(state);
      pending.put(state, new Pending(verifier, redirectUri, clock.instant()));
      while (pending.size() > MAX_PENDING) {
        Iterator<String> oldest = pending.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
    }
    return new AuthorizationUrl(
        URI.create(endpoints.authorization() + "?" + formEncode(query)), state);
  }

  /**
   * Exchanges the URL the user was redirected to for a token.
   *
   * <p>The state must be one this client issued and not yet used; it is checked before any request.
   *
   * @param redirectUrl the whole redirect URL, as copied from the browser
   * @return the token
   * @throws IllegalArgumentException if the URL is not a URL, or carries no code
   * @throws InvalidStateException if the state is missing, unknown, expired or used
   * @throws AuthorizationDeniedException if the user denied access
   * @throws OAuthException if the redirect or the token endpoint reports another error
   */
  public AccessToken exchangeRedirect(String redirectUrl) {
    Objects.requireNonNull(redirectUrl, "redirectUrl == null");
    Map<String, String> params = parseRedirect(redirectUrl);
    String state = params.get("state");
    if (state == null || state.isEmpty()) {
      throw new InvalidStateException("the redirect URL carries no state parameter");
    }
    Pending issued;
    synchronized (pending) {
      expireOldStates();
      issued = pending.remove(state);
    }
    if (issued == null) {
      throw new InvalidStateException(
          "the redirect URL's state was not issued by this client, has expired, or was used");
    }
    String error = OAuthAnswers.clean(params.get("error"), params.get("code"));
    if (error != null) {
      String description = OAuthAnswers.clean(params.get("error_description"), params.get("code"));
      if (error.equals("access_denied")) {
        throw new AuthorizationDeniedException(error, description);
      }
      throw new OAuthException(error, description, -1);
    }
    String code = params.get("code");
    if (code == null || code.isEmpty()) {
      throw new IllegalArgumentException("the redirect URL carries no 'code' parameter");
    }
    return exchange(code, issued.verifier(), issued.redirectUri());
  }

  /**
   * Exchanges a bare authorization code for a token. The PKCE verifier and redirect URI are those
   * of the most recent authorization URL this client issued, if any.
   *
   * @param code the authorization code
   * @return the token
   * @throws OAuthException if the token endpoint refuses
   */
  public AccessToken exchangeCode(String code) {
    if (code == null || code.isEmpty()) {
      throw new IllegalArgumentException("code is missing");
    }
    Pending latest = null;
    synchronized (pending) {
      expireOldStates();
      String lastState = null;
      for (String state : pending.keySet()) {
        lastState = state;
      }
      if (lastState != null) {
        latest = pending.remove(lastState);
      }
    }
    return latest == null
        ? exchange(code, null, defaultRedirectUri)
        : exchange(code, latest.verifier(), latest.redirectUri());
  }

  /**
   * Obtains a new access token with a refresh token.
   *
   * @param refreshToken the refresh token
   * @return the new token; it carries {@code refreshToken} when Google sent no new one
   * @throws ReauthorizationRequiredException if Google answers {@code invalid_grant}: the refresh
   *     token was revoked or has expired, and the user must sign in again
   * @throws OAuthException if the token endpoint refuses otherwise, or its answer is not usable
   */
  public AccessToken refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isEmpty()) {
      throw new IllegalArgumentException("refreshToken is missing");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    addClient(form);
    AccessToken token;
    try {
      token = postForToken(form, refreshToken);
    } catch (OAuthException e) {
      if ("invalid_grant".equals(e.error())) {
        throw new ReauthorizationRequiredException(
            e.error(), e.errorDescription(), e.statusCode(), null);
      }
      throw e;
    }
    return token.isRefreshable() ? token : token.withRefreshToken(refreshToken);
  }

  /**
   * Revokes an access or refresh token. The token travels in the form body, never in the URL.
   * Revoking a refresh token ends the whole grant: its access tokens stop working too.
   *
   * @param token the token to revoke
   * @throws OAuthException if Google refuses, for instance because the token is unknown
   */
  public void revoke(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("token is missing");
    }
    try {
      executor.execute(HttpCall.oauthForm(endpoints.revoke(), formBytes(Map.of("token", token))));
    } catch (ApiException | OAuthException e) {
      throw OAuthAnswers.refusal(e, token, clientSecret);
    }
  }

  // ---- Device authorization grant (RFC 8628) ---------------------------------------------

  /**
   * Asks the device authorization endpoint for a user code: the user enters it at the answer's
   * verification URL, on any device with a browser, while this client {@linkplain
   * #awaitDeviceAuthorization waits}. Google needs an OAuth client of type "TVs and Limited Input
   * devices", and allows only some scopes in this flow.
   *
   * @param scopes the scopes to ask for
   * @return the codes, the URL, their lifetime and the poll interval
   * @throws OAuthException if the endpoint refuses (such as {@code invalid_scope} or {@code
   *     invalid_client}) or its answer is not usable
   */
  public DeviceAuthorization startDeviceAuthorization(List<String> scopes) {
    Objects.requireNonNull(scopes, "scopes == null");
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("scopes must not be empty");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", clientId);
    form.put("scope", String.join(" ", scopes));
    HttpResult result;
    try {
      result = executor.execute(HttpCall.oauthForm(endpoints.deviceCode(), formBytes(form)));
    } catch (ApiException | OAuthException e) {
      throw OAuthAnswers.refusal(e, clientSecret);
    }
    return OAuthAnswers.device(result, clock);
  }

  /**
   * Polls the token endpoint until the user approves or denies, the codes expire, or {@code
   * deadline} passes, whichever comes first. It waits the server's interval before each poll, 5
   * seconds longer from each {@code slow_down} on, but never past the deadline; each poll may take
   * the client's request timeout, cut to the time left. So the whole wait ends by the deadline.
   *
   * @param authorization what {@link #startDeviceAuthorization} returned
   * @param deadline when to give up, by the client's clock
   * @return the token, with its expiry
   * @throws AuthorizationDeniedException if the user denied access ({@code access_denied})
   * @throws OAuthException {@code expired_token} if the codes expired first, {@code
   *     authorization_pending} if the deadline passed first, or another refusal
   * @throws io.github.jyoutube.error.TransportException if a poll failed to connect or got no
   *     answer within the request timeout, or the thread was interrupted (a poll still unanswered
   *     at the deadline is {@code authorization_pending})
   */
  public AccessToken awaitDeviceAuthorization(DeviceAuthorization authorization, Instant deadline) {
    Objects.requireNonNull(authorization, "authorization == null");
    Objects.requireNonNull(deadline, "deadline == null");
    boolean codesExpireFirst = !authorization.expiresAt().isAfter(deadline);
    Instant end = codesExpireFirst ? authorization.expiresAt() : deadline;
    Map<String, String> form = new LinkedHashMap<>();
    addClient(form);
    form.put("device_code", authorization.deviceCode());
    form.put("grant_type", DEVICE_GRANT_TYPE);
    byte[] body = formBytes(form);
    HttpCall call = HttpCall.oauthForm(endpoints.token(), body);
    Duration interval = authorization.interval();
    // Intervals are at least a second: a sleeper that does not sleep cannot make this poll more.
    long polls = Math.max(0, Duration.between(clock.instant(), end).toSeconds()) + 2;
    String unanswered = null;
    for (long poll = 0; poll < polls; poll++) {
      Duration left = Duration.between(clock.instant(), end);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      if (interval.compareTo(left) >= 0) {
        executor.pause(left); // no poll may come before the interval: wait out the time left
        break;
      }
      executor.pause(interval);
      left = Duration.between(clock.instant(), end);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      Duration timeout = executor.requestTimeout();
      boolean cutShort = left.compareTo(timeout) < 0;
      HttpResult result;
      try {
        result = send(call, body, cutShort ? left : timeout);
      } catch (TransportException e) {
        if (cutShort && e.getCause() instanceof java.net.http.HttpTimeoutException) {
          unanswered = "; the last poll was still unanswered";
          break; // the deadline came during the poll
        }
        throw e;
      }
      if (result.statusCode() >= 200 && result.statusCode() < 300) {
        return OAuthAnswers.token(result, clock);
      }
      if (result.statusCode() == 429) {
        interval = slower(interval);
        continue;
      }
      OAuthException refusal =
          OAuthAnswers.refusal(
              executor.failure(call, result), authorization.deviceCode(), clientSecret);
      switch (refusal.error()) {
        case "authorization_pending" -> {
          // Keep waiting.
        }
        case "slow_down" -> interval = slower(interval);
        case "access_denied" ->
            throw new AuthorizationDeniedException(refusal.error(), refusal.errorDescription());
        default -> throw refusal;
      }
    }
    if (codesExpireFirst) {
      throw new OAuthException(
          "expired_token", "the device code expired before the user approved", -1);
    }
    throw new OAuthException(
        "authorization_pending",
        "the user had not approved by the deadline" + (unanswered == null ? "" : unanswered),
        -1);
  }

  private static Duration slower(Duration interval) {
    Duration next = interval.plus(SLOW_DOWN_STEP);
    return next.compareTo(OAuthAnswers.MAX_DEVICE_WAIT) > 0 ? OAuthAnswers.MAX_DEVICE_WAIT : next;
  }

  /** One attempt of a poll, within {@code timeout}. */
  private HttpResult send(HttpCall call, byte[] body, Duration timeout) {
    try {
      return executor.exchange(call, RequestBody.ofBytes(body, 0, body.length), timeout);
    } catch (IOException e) {
      throw new TransportException(call.describe() + " failed: " + e, e);
    }
  }

  private AccessToken exchange(String code, String verifier, String redirectUri) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    addClient(form);
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    return postForToken(form, code, verifier);
  }

  private void addClient(Map<String, String> form) {
    form.put("client_id", clientId);
    if (clientSecret != null) {
      form.put("client_secret", clientSecret);
    }
  }

  /**
   * Posts {@code form} to the token endpoint and reads the token; {@code secrets} are what the form
   * carries besides the client secret, never to be shown again.
   */
  private AccessToken postForToken(Map<String, String> form, String... secrets) {
    HttpResult result;
    try {
      result = executor.execute(HttpCall.oauthForm(endpoints.token(), formBytes(form)));
    } catch (ApiException | OAuthException e) {
      String[] all = java.util.Arrays.copyOf(secrets, secrets.length + 1);
      all[secrets.length] = clientSecret;
      throw OAuthAnswers.refusal(e, all);
    }
    return OAuthAnswers.token(result, clock);
  }

  private void expireOldStates() {
    Instant oldest = clock.instant().minus(STATE_LIFETIME);
    pending.values().removeIf(p -> p.issuedAt().isBefore(oldest));
  }

  /** Reads the query (and, for implicit-style redirects, the fragment) of a redirect URL. */
  static Map<String, String> parseRedirect(String redirectUrl) {
    URI uri;
    try {
      uri = new URI(redirectUrl.strip());
    } catch (URISyntaxException e) {
      // The URL may hold a code: never quote it.
      throw new IllegalArgumentException("the redirect URL is not a valid URL");
    }
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException(
          "the redirect URL is not an absolute URL; paste the whole address from the browser");
    }
    Map<String, String> params = new LinkedHashMap<>();
    parseQuery(uri.getRawQuery(), params);
    parseQuery(uri.getRawFragment(), params);
    return params;
  }

  private static void parseQuery(String raw, Map<String, String> into) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      into.putIfAbsent(name, value);
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the redirect URL has a malformed %-escape");
    }
  }

  /** {@code application/x-www-form-urlencoded}: spaces as {@code +}, as the seed shows. */
  static String formEncode(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&");
    params.forEach(
        (name, value) ->
            joined.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return joined.toString();
  }

  private static byte[] formBytes(Map<String, String> params) {
    return formEncode(params).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "OAuthClient[clientId=" + clientId + ", token=" + endpoints.token() + "]";
  }
}
