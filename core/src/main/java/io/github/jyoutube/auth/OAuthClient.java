package io.github.jyoutube.auth;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.error.AuthorizationDeniedException;
import io.github.jyoutube.error.InvalidStateException;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.http.HttpCall;
import io.github.jyoutube.http.HttpExecutor;
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
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The authorization code flow against Google's OAuth 2.0 endpoints: authorization URLs with state
 * and PKCE, the exchange of a redirect or code for a token, refresh and revocation.
 *
 * <p>The client remembers each state it issues, with its PKCE verifier and redirect URI, for ten
 * minutes; a redirect is accepted once, and only with a state it issued. Safe for use from several
 * threads.
 */
public final class OAuthClient {

  /** How long an issued state stays acceptable. */
  private static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  /** How many unanswered authorizations are remembered at once; the oldest is dropped first. */
  private static final int MAX_PENDING = 32;

  /** The redirect URI the seed uses when none is configured. */
  public static final String DEFAULT_REDIRECT_URI = "https://localhost/";

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
    return new AuthorizationUrl(endpoints.authorization() + "?" + formEncode(query), state);
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
    String error = params.get("error");
    if (error != null) {
      String description = params.get("error_description");
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
   * @throws OAuthException such as {@code invalid_grant} when the refresh token was revoked
   */
  public AccessToken refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isEmpty()) {
      throw new IllegalArgumentException("refreshToken is missing");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    addClient(form);
    AccessToken token = postForToken(form);
    return token.isRefreshable() ? token : token.withRefreshToken(refreshToken);
  }

  /**
   * Revokes an access or refresh token. The token travels in the form body, never in the URL.
   *
   * @param token the token to revoke
   * @throws OAuthException if Google refuses, for instance because the token is unknown
   */
  public void revoke(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("token is missing");
    }
    executor.execute(
        HttpCall.oauthForm(endpoints.revoke(), formBytes(Map.of("token", token))), Void.class);
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
    return postForToken(form);
  }

  private void addClient(Map<String, String> form) {
    form.put("client_id", clientId);
    if (clientSecret != null) {
      form.put("client_secret", clientSecret);
    }
  }

  private AccessToken postForToken(Map<String, String> form) {
    AccessToken token =
        executor.execute(HttpCall.oauthForm(endpoints.token(), formBytes(form)), AccessToken.class);
    return token.stamped(clock);
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
