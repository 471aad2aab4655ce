package io.github.jyoutube.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The credential one request carries: a bearer token in the {@code Authorization} header, or an API
 * key in the {@code X-Goog-Api-Key} header. Google accepts the key as a {@code key} query parameter
 * too, but a URL is printed by far more logs (the JDK client's own debug and request logging,
 * proxies, servers): no credential goes in one.
 *
 * @param name the header or query parameter name
 * @param value its value; a secret, never shown by {@link #toString()}
 * @param inQuery whether it travels in the query rather than a header
 */
public record Credential(String name, String value, boolean inQuery) {

  /**
   * Checks the parts.
   *
   * @param name the value for the {@code name} record component
   * @param value the value for the {@code value} record component
   * @param inQuery the value for the {@code inQuery} record component
   */
  public Credential {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
  }

  /**
   * {@code Authorization: Bearer <token>}.
   *
   * @param accessToken the access token
   * @return the credential
   */
  public static Credential bearer(String accessToken) {
    return new Credential("Authorization", "Bearer " + accessToken, false);
  }

  /**
   * {@code X-Goog-Api-Key: <apiKey>}, the header form Google accepts for API keys.
   *
   * @param apiKey the API key
   * @return the credential
   */
  public static Credential apiKey(String apiKey) {
    return new Credential("X-Goog-Api-Key", apiKey, false);
  }

  /**
   * Whether every character of {@code value} is visible ASCII, as a bearer token's are (RFC 6750),
   * so that it can go into a header as it is.
   *
   * @param value a token, code or key
   * @return whether it is safe in a header
   */
  public static boolean headerSafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** The query parameter, encoded, for a credential that travels in the query. */
  String queryParameter() {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Credential[" + name + "=(redacted)]";
  }
}
