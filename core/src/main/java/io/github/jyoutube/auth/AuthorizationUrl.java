package io.github.jyoutube.auth;

import java.net.URI;
import java.util.Objects;

/**
 * The consent page to send the user to, and the {@code state} it carries.
 *
 * <p>The state comes back on the redirect; the client refuses a redirect whose state it did not
 * issue. The URI goes as it is to a browser ({@code Desktop.browse(auth.uri())}), to an {@code
 * HttpRequest}, or to the terminal ({@code System.out.println(auth.uri())}).
 *
 * @param uri the full authorization URL, query included
 * @param state the state parameter in it
 */
public record AuthorizationUrl(URI uri, String state) {

  /**
   * Checks the parts.
   *
   * @param uri the value for the {@code uri} record component
   * @param state the value for the {@code state} record component
   * @throws NullPointerException if either is {@code null}
   * @throws IllegalArgumentException if {@code uri} is not absolute
   */
  public AuthorizationUrl {
    Objects.requireNonNull(uri, "uri == null");
    Objects.requireNonNull(state, "state == null");
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException("authorization URL must be absolute: " + uri);
    }
  }
}
