package io.github.jyoutube;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of one request, or of every request of a derived client ({@link
 * YouTubeClient#withOptions}): how long an attempt may take, how often it is retried, extra headers
 * and the {@code quotaUser} it is counted against. What is not set comes from the client; what a
 * request sets overrides its client's.
 *
 * <pre>{@code
 * RequestOptions patient = RequestOptions.defaults().withTimeout(Duration.ofMinutes(2)).withMaxRetries(8);
 * cli.videos().list().id("dQw4w9WgXcQ").options(patient).execute();
 * YouTubeClient forUser = cli.withOptions(RequestOptions.defaults().withQuotaUser("user-42"));
 * }</pre>
 *
 * <p>A derived client's options apply to its Data API calls, not to the token refreshes they may
 * need; {@code quotaUser} goes on Data API requests only. A resumable upload's chunks are timed by
 * its {@link io.github.jyoutube.media.UploadOptions}, and a media download has no time limit (it
 * may rightly take long).
 *
 * @param timeout how long one attempt may take, to the end of the answer; {@code null}: the
 *     client's
 * @param maxRetries how many times a failed request is sent again at most; {@code null}: the
 *     client's
 * @param headers extra request headers, by name; never {@code null}
 * @param quotaUser the {@code quotaUser} parameter of Data API requests (40 characters at most);
 *     {@code null}: none, or the client's
 */
public record RequestOptions(
    Duration timeout, Integer maxRetries, Map<String, String> headers, String quotaUser) {

  private static final RequestOptions DEFAULTS = new RequestOptions(null, null, Map.of(), null);

  /** Headers the client sets itself, or that carry credentials: not settable here. */
  private static final Set<String> RESERVED =
      Set.of(
          "authorization",
          "x-goog-api-key",
          "host",
          "content-length",
          "content-type",
          "connection",
          "expect",
          "upgrade",
          "user-agent",
          "accept-encoding",
          "transfer-encoding");

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /**
   * Checks the settings and copies the headers.
   *
   * @param headers the headers
   * @param quotaUser the quota user
   * @param timeout the timeout
   * @param maxRetries the max retries
   */
  public RequestOptions {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxRetries != null && maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
    }
    Objects.requireNonNull(headers, "headers == null");
    headers.forEach(RequestOptions::checkHeader);
    headers = Map.copyOf(headers);
    if (quotaUser != null) {
      checkQuotaUser(quotaUser);
    }
  }

  /** Checks a {@code quotaUser}: 1 to 40 characters, as the API takes it. */
  static String checkQuotaUser(String quotaUser) {
    if (quotaUser.isEmpty() || quotaUser.length() > 40) {
      throw new IllegalArgumentException(
          "quotaUser must be 1 to 40 characters, was " + quotaUser.length());
    }
    return quotaUser;
  }

  /** {@return no setting: everything from the client} */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * These options with another time limit per attempt.
   *
   * @param timeout the timeout
   * @return these options with another time limit per attempt
   */
  public RequestOptions withTimeout(Duration timeout) {
    return new RequestOptions(
        Objects.requireNonNull(timeout, "timeout == null"), maxRetries, headers, quotaUser);
  }

  /**
   * These options with another retry count (0 for none).
   *
   * @param maxRetries the max retries
   * @return these options with another retry count (0 for none)
   */
  public RequestOptions withMaxRetries(int maxRetries) {
    return new RequestOptions(timeout, maxRetries, headers, quotaUser);
  }

  /**
   * These options with one more header, or another value for it. Headers the client sets itself
   * ({@code Authorization}, {@code User-Agent}, {@code Content-Type}, …) are refused.
   *
   * @param name the header's name
   * @param value the header's value
   * @return these options with one more header, or another value for it
   */
  public RequestOptions withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new RequestOptions(timeout, maxRetries, copy, quotaUser);
  }

  /**
   * These options counted against another {@code quotaUser} (1 to 40 characters).
   *
   * @param quotaUser the quota user
   * @return these options counted against another {@code quotaUser} (1 to 40 characters)
   */
  public RequestOptions withQuotaUser(String quotaUser) {
    return new RequestOptions(
        timeout, maxRetries, headers, Objects.requireNonNull(quotaUser, "quotaUser == null"));
  }

  /**
   * These options with {@code other}'s settings where it has them: its timeout, retries and {@code
   * quotaUser} if set, its headers added to these (its values winning).
   *
   * @param other the options whose settings win
   * @return these options with {@code other}'s settings where it has them: its timeout, retries and
   *     {@code quotaUser} if set, its headers added to these (its values winning)
   */
  public RequestOptions overriddenBy(RequestOptions other) {
    Objects.requireNonNull(other, "other == null");
    Map<String, String> merged = new LinkedHashMap<>(headers);
    merged.putAll(other.headers);
    return new RequestOptions(
        other.timeout != null ? other.timeout : timeout,
        other.maxRetries != null ? other.maxRetries : maxRetries,
        merged,
        other.quotaUser != null ? other.quotaUser : quotaUser);
  }

  private static void checkHeader(String name, String value) {
    Objects.requireNonNull(name, "header name == null");
    Objects.requireNonNull(value, "value of header " + name + " == null");
    if (!TOKEN.matcher(name).matches()) {
      throw new IllegalArgumentException("not a header name: '" + name + "'");
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "header " + name + " is set by the client itself and cannot be given in RequestOptions");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException("the value of header " + name + " has a line break");
      }
    }
  }

  /** Names the headers but never shows their values, which may be secrets. */
  @Override
  public String toString() {
    return "RequestOptions[timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", headers="
        + headers.keySet()
        + ", quotaUser="
        + quotaUser
        + "]";
  }
}
