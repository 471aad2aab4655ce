package io.github.jyoutube.auth;

import java.util.Locale;
import java.util.Objects;

/**
 * The client's credential as one request header, for transports other than the client's own HTTP
 * calls, such as the live chat's gRPC stream (where headers travel as metadata): {@code
 * authorization: Bearer …} for a token, {@code x-goog-api-key: …} for an API key.
 *
 * <p>From {@link io.github.jyoutube.YouTubeClient#credentialHeader()}; give a rejected one back to
 * {@link io.github.jyoutube.YouTubeClient#renewCredential(CredentialHeader)}.
 *
 * @param name the header name, in lower case: {@code authorization} or {@code x-goog-api-key}
 * @param value its value; a secret, never shown by {@link #toString()}
 */
public record CredentialHeader(String name, String value) {

  /** The header of an access token. */
  public static final String AUTHORIZATION = "authorization";

  /** The header of an API key, as Google documents it for gRPC and REST alike. */
  public static final String API_KEY = "x-goog-api-key";

  /**
   * Checks the parts and puts the name in lower case.
   *
   * @param value the value
   * @param name the name
   */
  public CredentialHeader {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    name = name.toLowerCase(Locale.ROOT);
  }

  /** {@return whether this is an API key rather than a user's token} */
  public boolean isApiKey() {
    return name.equals(API_KEY);
  }

  @Override
  public String toString() {
    return "CredentialHeader[" + name + "=(redacted)]";
  }
}
