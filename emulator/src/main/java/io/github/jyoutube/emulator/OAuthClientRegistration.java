package io.github.jyoutube.emulator;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * An OAuth client the emulator knows.
 *
 * @param clientId the client ID
 * @param clientSecret the secret, or {@code null} for a public client (PKCE only)
 * @param name the application name the consent page shows
 * @param redirectUris the registered redirect URIs, matched exactly; loopback URIs ({@code
 *     http://127.0.0.1:*}, {@code http://localhost:*}, {@code http://[::1]:*}, any port and path)
 *     are always accepted, as for Google's desktop clients
 */
public record OAuthClientRegistration(
    String clientId, String clientSecret, String name, List<String> redirectUris) {

  /** The seeded client's ID. */
  public static final String SEEDED_CLIENT_ID = "emulator-client-id.apps.googleusercontent.com";

  /** The seeded client's secret. */
  public static final String SEEDED_CLIENT_SECRET = "emulator-client-secret";

  /** The seeded client: loopback redirects and the seed's default, {@code https://localhost/}. */
  public static final OAuthClientRegistration SEEDED =
      new OAuthClientRegistration(
          SEEDED_CLIENT_ID,
          SEEDED_CLIENT_SECRET,
          "jyoutube emulator app",
          List.of("https://localhost/"));

  /**
   * Copies the list.
   *
   * @param clientId the value for the {@code clientId} record component
   * @param clientSecret the value for the {@code clientSecret} record component
   * @param name the value for the {@code name} record component
   * @param redirectUris the value for the {@code redirectUris} record component
   */
  public OAuthClientRegistration {
    redirectUris = List.copyOf(redirectUris);
  }

  /**
   * Whether {@code uri} may receive this client's redirects.
   *
   * @param uri a redirect URI
   * @return whether this client may be redirected to it
   */
  public boolean allowsRedirect(String uri) {
    if (uri == null) {
      return false;
    }
    if (redirectUris.contains(uri)) {
      return true;
    }
    try {
      URI parsed = new URI(uri);
      if (parsed.getFragment() != null || !"http".equalsIgnoreCase(parsed.getScheme())) {
        return false;
      }
      String host = parsed.getHost() == null ? "" : parsed.getHost().toLowerCase(Locale.ROOT);
      return host.equals("127.0.0.1")
          || host.equals("localhost")
          || host.equals("[::1]")
          || host.equals("::1");
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
