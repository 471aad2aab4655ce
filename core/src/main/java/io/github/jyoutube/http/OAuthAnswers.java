package io.github.jyoutube.http;

import io.github.jyoutube.Json;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.DeviceAuthorization;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.YouTubeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Reads what Google's OAuth endpoints answer, trusting none of it: an answer the client cannot use
 * is an {@link OAuthException} ({@value #INVALID_RESPONSE}) that names the field that is wrong and
 * never quotes a token, code or secret; an error answer's text is cleaned of control characters and
 * of the secrets the request carried.
 */
final class OAuthAnswers {

  /** The error code of an answer the client cannot use. */
  static final String INVALID_RESPONSE = "invalid_response";

  /** The longest device code lifetime and poll interval accepted; longer ones are cut to it. */
  static final Duration MAX_DEVICE_WAIT = Duration.ofDays(1);

  /** The device code lifetime assumed when the answer gives none (Google's is 1800 s). */
  static final Duration DEFAULT_DEVICE_LIFETIME = Duration.ofMinutes(30);

  /** The poll interval when the answer gives none, as RFC 8628 says. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private static final int MAX_TEXT = 300;
  private static final int MAX_USER_CODE = 64;
  private static final int MAX_URL = 2048;

  private OAuthAnswers() {}

  /**
   * Reads a token answer.
   *
   * @param result a successful answer of the token endpoint
   * @param clock stamps the expiry
   * @return the token
   * @throws OAuthException if the answer is not a usable token
   */
  static AccessToken token(HttpResult result, Clock clock) {
    Map<?, ?> answer = object(result, "token endpoint");
    int status = result.statusCode();
    Object access = answer.get("access_token");
    if (!(access instanceof String accessToken) || accessToken.isEmpty()) {
      throw invalid(status, "the token endpoint's answer has no access_token");
    }
    if (!Credential.headerSafe(accessToken)) {
      throw invalid(
          status,
          "the token endpoint's access_token holds a character an HTTP header cannot carry (a"
              + " control character, a space or a non-ASCII character); the token is not shown");
    }
    Object type = answer.get("token_type");
    if (type != null && !(type instanceof String text && text.equalsIgnoreCase("Bearer"))) {
      throw invalid(status, "the token endpoint's token_type is not Bearer");
    }
    Long expiresIn = expiresIn(answer.get("expires_in"), status);
    String refreshToken = optionalText(answer, "refresh_token", status);
    if (refreshToken != null && (refreshToken.isEmpty() || !Credential.headerSafe(refreshToken))) {
      throw invalid(
          status,
          "the token endpoint's refresh_token is empty or holds a control character, a space or a"
              + " non-ASCII character; the token is not shown");
    }
    String scope = optionalText(answer, "scope", status);
    if (scope != null && !visibleAsciiOrSpace(scope)) {
      throw invalid(status, "the token endpoint's scope holds control or non-ASCII characters");
    }
    String idToken = optionalText(answer, "id_token", status);
    Instant expiresAt = expiresIn == null ? null : clock.instant().plusSeconds(expiresIn);
    return new AccessToken(
        accessToken, expiresIn, "Bearer", refreshToken, scope, idToken, expiresAt);
  }

  /**
   * Reads a device authorization answer.
   *
   * @param result a successful answer of the device authorization endpoint
   * @param clock stamps the expiry
   * @return the codes
   * @throws OAuthException if the answer is not usable
   */
  static DeviceAuthorization device(HttpResult result, Clock clock) {
    Map<?, ?> answer = object(result, "device authorization endpoint");
    int status = result.statusCode();
    Object device = answer.get("device_code");
    if (!(device instanceof String deviceCode)
        || deviceCode.isEmpty()
        || !Credential.headerSafe(deviceCode)) {
      throw invalid(
          status,
          "the device authorization answer has no device_code of visible ASCII characters; it is"
              + " not shown");
    }
    Object user = answer.get("user_code");
    if (!(user instanceof String userCode)
        || userCode.isBlank()
        || userCode.length() > MAX_USER_CODE
        || !displayable(userCode)) {
      throw invalid(
          status,
          "the device authorization answer has no user_code of at most "
              + MAX_USER_CODE
              + " printable characters");
    }
    Object url =
        answer.get("verification_url") != null
            ? answer.get("verification_url")
            : answer.get("verification_uri");
    if (!(url instanceof String verificationUrl) || !webAddress(verificationUrl)) {
      throw invalid(
          status,
          "the device authorization answer has no verification_url that is an http(s) address");
    }
    Duration expiresIn = seconds(answer.get("expires_in"), DEFAULT_DEVICE_LIFETIME);
    Duration interval = seconds(answer.get("interval"), DEFAULT_INTERVAL);
    if (expiresIn == null || interval == null) {
      throw invalid(
          status,
          "the device authorization answer's "
              + (expiresIn == null ? "expires_in" : "interval")
              + " is not a whole number of seconds");
    }
    return new DeviceAuthorization(
        deviceCode,
        userCode,
        verificationUrl,
        expiresIn,
        interval,
        clock.instant().plus(expiresIn));
  }

  /**
   * The exception to throw for a refusal of an OAuth endpoint: its OAuth error, cleaned, or, for an
   * answer that was not an OAuth error (an HTML page, say), its status alone.
   *
   * @param refusal what the executor threw: an {@link OAuthException} or an {@link ApiException}
   * @param secrets what the request carried, to be cut out of any text the server sent back
   * @return the exception
   */
  static OAuthException refusal(YouTubeException refusal, String... secrets) {
    if (refusal instanceof OAuthException oauth) {
      String error = clean(oauth.error(), secrets);
      return new OAuthException(
          error == null || error.isBlank() ? INVALID_RESPONSE : error,
          clean(oauth.errorDescription(), secrets),
          oauth.statusCode());
    }
    int status = refusal instanceof ApiException api ? api.statusCode() : -1;
    return new OAuthException(
        "http_" + status,
        "the OAuth endpoint answered "
            + status
            + " without an OAuth error; the body is not shown, as it may quote credentials",
        status);
  }

  /** The shortest piece of a secret that is redacted wherever it stands on its own. */
  private static final int SECRET_PIECE = 8;

  /**
   * {@code text} as it may be shown: each of {@code secrets} replaced with {@code (redacted)}, and
   * so is every run of {@value #SECRET_PIECE} or more characters taken from one (an echo the server
   * split or mangled); control and formatting characters become {@code ?}; cut to 300 characters.
   */
  static String clean(String text, String... secrets) {
    if (text == null) {
      return null;
    }
    // Only the start can be shown; the bound keeps the piece search below cheap.
    String out = text.length() > 4 * MAX_TEXT ? text.substring(0, 4 * MAX_TEXT) : text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        out = redactPieces(out.replace(secret, "(redacted)"), secret);
      }
    }
    StringBuilder shown = new StringBuilder();
    out.codePoints().limit(MAX_TEXT).forEach(c -> shown.appendCodePoint(displayable(c) ? c : '?'));
    if (out.codePointCount(0, out.length()) > MAX_TEXT) {
      shown.append('…');
    }
    return shown.toString();
  }

  /** Replaces each run of {@code text} that is a piece of {@code secret} of the minimum length. */
  private static String redactPieces(String text, String secret) {
    int minimum = Math.min(SECRET_PIECE, secret.length());
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = i;
      while (end < text.length() && secret.contains(text.substring(i, end + 1))) {
        end++;
      }
      if (end - i >= minimum) {
        out.append("(redacted)");
        i = end;
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private static Map<?, ?> object(HttpResult result, String endpoint) {
    Object tree;
    try {
      tree = Json.tree(new String(result.body(), StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      tree = null; // its message may quote a token: not kept
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw invalid(
          result.statusCode(),
          "the "
              + endpoint
              + "'s answer is not a JSON object; the body is not shown, as it may hold tokens");
    }
    return map;
  }

  private static Long expiresIn(Object value, int status) {
    if (value == null) {
      return null;
    }
    BigInteger whole = wholeNumber(value);
    if (whole == null) {
      throw invalid(status, "the token endpoint's expires_in is not a whole number of seconds");
    }
    if (whole.signum() < 0 || whole.compareTo(BigInteger.valueOf(AccessToken.MAX_EXPIRES_IN)) > 0) {
      String shown = whole.bitLength() < 64 ? ": " + whole : "";
      throw invalid(
          status,
          "the token endpoint's expires_in is out of range (0 to "
              + AccessToken.MAX_EXPIRES_IN
              + " seconds)"
              + shown);
    }
    return whole.longValueExact();
  }

  /**
   * A lifetime or interval in seconds, cut into [1 s, 1 day]; {@code fallback} when absent, {@code
   * null} when it is not a whole number.
   */
  private static Duration seconds(Object value, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    BigInteger whole = wholeNumber(value);
    if (whole == null) {
      return null;
    }
    BigInteger max = BigInteger.valueOf(MAX_DEVICE_WAIT.toSeconds());
    long seconds = whole.max(BigInteger.ONE).min(max).longValueExact();
    return Duration.ofSeconds(seconds);
  }

  /** A JSON integer, or a string of digits, as some servers send; else {@code null}. */
  private static BigInteger wholeNumber(Object value) {
    try {
      if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
        return new BigInteger(value.toString());
      }
      if (value instanceof Number number) {
        BigDecimal decimal = new BigDecimal(number.toString());
        return decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigIntegerExact() : null;
      }
      if (value instanceof String text && text.strip().matches("-?[0-9]{1,40}")) {
        return new BigInteger(text.strip());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
    return null;
  }

  private static String optionalText(Map<?, ?> answer, String name, int status) {
    Object value = answer.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw invalid(status, "the token endpoint's " + name + " is not a string");
  }

  private static boolean visibleAsciiOrSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean displayable(String text) {
    return text.codePoints().allMatch(OAuthAnswers::displayable);
  }

  /** Not a control character, nor one that reorders or hides text (bidi overrides and the like). */
  private static boolean displayable(int codePoint) {
    return !Character.isISOControl(codePoint)
        && Character.getType(codePoint) != Character.FORMAT
        && Character.getType(codePoint) != Character.SURROGATE
        && Character.getType(codePoint) != Character.UNASSIGNED
        && Character.getType(codePoint) != Character.PRIVATE_USE;
  }

  private static boolean webAddress(String url) {
    if (url.isEmpty() || url.length() > MAX_URL || !visibleAsciiOrSpace(url) || url.contains(" ")) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return uri.getHost() != null
          && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static OAuthException invalid(int status, String description) {
    return new OAuthException(INVALID_RESPONSE, description, status);
  }
}
