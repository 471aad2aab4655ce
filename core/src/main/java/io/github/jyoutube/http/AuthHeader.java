package io.github.jyoutube.http;

/**
 * The credential header one request carries, such as {@code Authorization: Bearer …}.
 *
 * @param name the header name
 * @param value the header value; a secret, never shown by {@link #toString()}
 */
public record AuthHeader(String name, String value) {

  @Override
  public String toString() {
    return "AuthHeader[" + name + ": (redacted)]";
  }
}
