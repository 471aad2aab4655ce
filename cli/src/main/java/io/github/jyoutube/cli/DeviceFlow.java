package io.github.jyoutube.cli;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.Json;
import io.github.jyoutube.Sleeper;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.error.AuthorizationDeniedException;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.TransportException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The OAuth 2.0 device authorization grant (RFC 8628) against Google's endpoints, for machines
 * without a browser: {@link #start} asks for a user code, the user enters it at the verification
 * URL on another device, and {@link #poll} waits for the token, honouring the server's {@code
 * interval} and {@code slow_down}.
 *
 * <pre>{@code
 * DeviceFlow flow = new DeviceFlow(Endpoints.google(), clientId, clientSecret);
 * DeviceFlow.Authorization auth = flow.start(Scopes.DEFAULT);
 * System.out.println("Go to " + auth.verificationUrl() + " and enter " + auth.userCode());
 * AccessToken token = flow.poll(auth);
 * }</pre>
 *
 * <p>Neither the device code nor any token appears in a message or {@code toString()}.
 */
public final class DeviceFlow {

  /** The grant type of the polling requests. */
  public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

  /** How much longer to wait after a {@code slow_down}, as RFC 8628 says. */
  static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final Endpoints endpoints;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * What the device authorization endpoint answered.
   *
   * @param deviceCode the code the device polls with; a secret
   * @param userCode the code the user enters, such as {@code ABCD-EFGH}
   * @param verificationUrl where the user enters it
   * @param expiresIn how long the codes live
   * @param interval how long to wait between polls
   */
  public record Authorization(
      String deviceCode,
      String userCode,
      String verificationUrl,
      Duration expiresIn,
      Duration interval) {

    /**
     * Checks the parts.
     *
     * @param deviceCode the value for the {@code deviceCode} record component
     * @param userCode the value for the {@code userCode} record component
     * @param verificationUrl the value for the {@code verificationUrl} record component
     * @param expiresIn the value for the {@code expiresIn} record component
     * @param interval the value for the {@code interval} record component
     */
    public Authorization {
      Objects.requireNonNull(deviceCode, "deviceCode == null");
      Objects.requireNonNull(userCode, "userCode == null");
      Objects.requireNonNull(verificationUrl, "verificationUrl == null");
      Objects.requireNonNull(expiresIn, "expiresIn == null");
      Objects.requireNonNull(interval, "interval == null");
    }

    @Override
    public String toString() {
      return "Authorization[deviceCode=(redacted), userCode="
          + userCode
          + ", verificationUrl="
          + verificationUrl
          + ", expiresIn="
          + expiresIn
          + ", interval="
          + interval
          + "]";
    }
  }

  /**
   * A flow with the system clock and real sleeps.
   *
   * @param endpoints where {@code device/code} and {@code token} are
   * @param clientId the OAuth client ID (a "TVs and Limited Input devices" client at Google)
   * @param clientSecret its secret, or {@code null}
   */
  public DeviceFlow(Endpoints endpoints, String clientId, String clientSecret) {
    this(
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        endpoints,
        clientId,
        clientSecret,
        Clock.systemUTC(),
        Sleeper.system());
  }

  /**
   * A flow with its own HTTP client, clock and sleeper, for tests.
   *
   * @param http sends the requests
   * @param endpoints where {@code device/code} and {@code token} are
   * @param clientId the OAuth client ID
   * @param clientSecret its secret, or {@code null}
   * @param clock stamps the token's expiry and bounds the polling
   * @param sleeper waits between polls
   */
  public DeviceFlow(
      HttpClient http,
      Endpoints endpoints,
      String clientId,
      String clientSecret,
      Clock clock,
      Sleeper sleeper) {
    this.http = Objects.requireNonNull(http, "http == null");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints == null");
    this.clientId = Objects.requireNonNull(clientId, "clientId == null");
    this.clientSecret = clientSecret;
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
  }

  /**
   * Asks the device authorization endpoint for a user code.
   *
   * @param scopes the scopes to ask for
   * @return the codes and where the user goes
   * @throws OAuthException if the endpoint refuses, e.g. {@code invalid_scope}
   */
  public Authorization start(List<String> scopes) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("scopes must not be empty");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", clientId);
    form.put("scope", String.join(" ", scopes));
    Reply reply = post(endpoints.deviceCode(), form);
    if (reply.status() != 200) {
      throw oauthError(reply);
    }
    Map<?, ?> body = reply.json();
    String deviceCode = text(body, "device_code", "");
    String userCode = text(body, "user_code", "");
    String url = text(body, "verification_url", text(body, "verification_uri", ""));
    if (deviceCode.isEmpty() || userCode.isEmpty() || url.isEmpty()) {
      throw DecodeException.withoutBody(
          "the device authorization answer (device_code, user_code, verification_url)",
          reply.status(),
          null);
    }
    long expires = number(body, "expires_in", 1800);
    long interval = number(body, "interval", DEFAULT_INTERVAL.toSeconds());
    return new Authorization(
        deviceCode,
        userCode,
        url,
        Duration.ofSeconds(Math.max(expires, 1)),
        Duration.ofSeconds(Math.max(interval, 1)));
  }

  /**
   * Polls the token endpoint until the user approved or denied, or the codes expired. It waits
   * {@code interval} before each poll, and 5 seconds longer from each {@code slow_down} on.
   *
   * @param authorization what {@link #start} returned
   * @return the token, with its expiry
   * @throws AuthorizationDeniedException if the user denied access
   * @throws OAuthException {@code expired_token} if the codes expired, or another refusal
   * @throws InterruptedException if the thread was interrupted while waiting
   */
  public AccessToken poll(Authorization authorization) throws InterruptedException {
    Objects.requireNonNull(authorization, "authorization == null");
    Instant deadline = clock.instant().plus(authorization.expiresIn());
    Duration interval = authorization.interval();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", clientId);
    if (clientSecret != null) {
      form.put("client_secret", clientSecret);
    }
    form.put("device_code", authorization.deviceCode());
    form.put("grant_type", GRANT_TYPE);
    while (true) {
      sleeper.sleep(interval);
      if (clock.instant().isAfter(deadline)) {
        throw new OAuthException(
            "expired_token", "the device code expired before the user approved", -1);
      }
      Reply reply = post(endpoints.token(), form);
      if (reply.status() == 200) {
        return token(reply);
      }
      String error = text(reply.json(), "error", "");
      switch (error) {
        case "authorization_pending" -> {
          // Keep waiting.
        }
        case "slow_down" -> interval = interval.plus(SLOW_DOWN_STEP);
        case "access_denied" ->
            throw new AuthorizationDeniedException(
                error, text(reply.json(), "error_description", null));
        default -> throw oauthError(reply);
      }
    }
  }

  private AccessToken token(Reply reply) {
    AccessToken token = Json.parse(reply.body(), AccessToken.class);
    if (token.expiresIn() == null || token.expiresAt() != null) {
      return token;
    }
    return new AccessToken(
        token.accessToken(),
        token.expiresIn(),
        token.tokenType(),
        token.refreshToken(),
        token.scope(),
        token.idToken(),
        clock.instant().plusSeconds(token.expiresIn()));
  }

  private static OAuthException oauthError(Reply reply) {
    Map<?, ?> body = reply.json();
    String error = text(body, "error", "");
    if (error.isEmpty()) {
      return new OAuthException("http_" + reply.status(), "unexpected answer", reply.status());
    }
    return new OAuthException(error, text(body, "error_description", null), reply.status());
  }

  /** The text of a property that is a string or a number, else {@code fallback}. */
  private static String text(Map<?, ?> body, String name, String fallback) {
    Object value = body.get(name);
    return value instanceof String || value instanceof Number ? value.toString() : fallback;
  }

  /** A whole number given as a number or a numeric string, else {@code fallback}. */
  private static long number(Map<?, ?> body, String name, long fallback) {
    Object value = body.get(name);
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return value instanceof String text ? Long.parseLong(text.trim()) : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private record Reply(int status, String body) {
    /** The body as a JSON object; empty when it is not one. */
    Map<?, ?> json() {
      try {
        return Json.tree(body) instanceof Map<?, ?> map ? map : Map.of();
      } catch (DecodeException e) {
        return Map.of();
      }
    }

    @Override
    public String toString() {
      return "Reply[" + status + "]";
    }
  }

  private Reply post(URI uri, Map<String, String> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach(
        (name, value) ->
            body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("User-Agent", "jyoutube-cli/" + YouTubeClient.VERSION)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new TransportException("POST " + uri + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("POST " + uri + " was interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "DeviceFlow[clientId=" + clientId + ", " + endpoints.deviceCode() + "]";
  }
}
