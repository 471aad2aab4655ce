package io.github.jyoutube;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the client sends each kind of request: Google's OAuth 2.0 endpoints, the YouTube Data API's
 * base URLs, the PubSubHubbub hub of push notifications and the gRPC target of live chat streaming.
 *
 * <p>{@link #google()} is the default. {@link #at(URI)} puts every endpoint under one base at
 * Google's paths, for the jyoutube emulator, tests and users' own fakes. Every endpoint must use
 * {@code https}, except on a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}),
 * so that tokens never cross a network in clear text.
 *
 * @param authorization the consent page, {@code …/o/oauth2/v2/auth}
 * @param token the token endpoint for code exchange, refresh and device polling
 * @param revoke the token revocation endpoint
 * @param deviceCode the device authorization endpoint
 * @param userInfo the OpenID Connect user info endpoint
 * @param api the base of the Data API, ending in {@code youtube/v3/}
 * @param upload the base of media uploads, ending in {@code upload/youtube/v3/}
 * @param hub the PubSubHubbub hub's subscription endpoint, for {@link
 *     io.github.jyoutube.push.PushNotifications}
 * @param grpc the gRPC server of {@code liveChatMessages.streamList}, as {@code https://host:port}
 *     (TLS) or {@code http://host:port} (plain text, loopback only); its path is not used. Read by
 *     the {@code jyoutube-livechat} module.
 */
public record Endpoints(
    URI authorization,
    URI token,
    URI revoke,
    URI deviceCode,
    URI userInfo,
    URI api,
    URI upload,
    URI hub,
    URI grpc) {

  /** Google's gRPC endpoint of live chat streaming: {@code youtube.googleapis.com:443}, TLS. */
  private static final URI GOOGLE_GRPC = URI.create("https://youtube.googleapis.com:443");

  /**
   * Checks that every endpoint is absolute and safe to send credentials to.
   *
   * @param authorization the value for the {@code authorization} record component
   * @param token the value for the {@code token} record component
   * @param revoke the value for the {@code revoke} record component
   * @param deviceCode the value for the {@code deviceCode} record component
   * @param userInfo the value for the {@code userInfo} record component
   * @param api the value for the {@code api} record component
   * @param upload the value for the {@code upload} record component
   * @param hub the value for the {@code hub} record component
   * @param grpc the gRPC target of live chat streaming
   */
  public Endpoints {
    checkSafe("authorization", authorization);
    checkSafe("token", token);
    checkSafe("revoke", revoke);
    checkSafe("deviceCode", deviceCode);
    checkSafe("userInfo", userInfo);
    checkSafe("api", api);
    checkSafe("upload", upload);
    checkSafe("hub", hub);
    checkSafe("grpc", grpc);
    api = withTrailingSlash(api);
    upload = withTrailingSlash(upload);
  }

  /**
   * The endpoints without a gRPC target of their own: live chat streaming goes to Google's.
   *
   * @param authorization the consent page
   * @param token the token endpoint
   * @param revoke the token revocation endpoint
   * @param deviceCode the device authorization endpoint
   * @param userInfo the user info endpoint
   * @param api the base of the Data API
   * @param upload the base of media uploads
   * @param hub the PubSubHubbub hub's subscription endpoint
   */
  public Endpoints(
      URI authorization,
      URI token,
      URI revoke,
      URI deviceCode,
      URI userInfo,
      URI api,
      URI upload,
      URI hub) {
    this(authorization, token, revoke, deviceCode, userInfo, api, upload, hub, GOOGLE_GRPC);
  }

  /** {@return Google's production endpoints} */
  public static Endpoints google() {
    return new Endpoints(
        URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
        URI.create("https://oauth2.googleapis.com/token"),
        URI.create("https://oauth2.googleapis.com/revoke"),
        URI.create("https://oauth2.googleapis.com/device/code"),
        URI.create("https://openidconnect.googleapis.com/v1/userinfo"),
        URI.create("https://youtube.googleapis.com/youtube/v3/"),
        URI.create("https://youtube.googleapis.com/upload/youtube/v3/"),
        URI.create("https://pubsubhubbub.appspot.com/subscribe"),
        GOOGLE_GRPC);
  }

  /**
   * Every endpoint under {@code base}, at Google's paths: {@code o/oauth2/v2/auth}, {@code token},
   * {@code revoke}, {@code device/code}, {@code v1/userinfo}, {@code youtube/v3/}, {@code
   * upload/youtube/v3/} and {@code pubsubhubbub/subscribe}; the gRPC target is the base's host and
   * port (a server that speaks both). The emulator serves gRPC on a port of its own: take its
   * {@code endpoints()}, or add the port with {@link #withGrpc(URI)}.
   *
   * @param base an absolute {@code https} URI, or {@code http} on a loopback host, such as the
   *     emulator's {@code http://127.0.0.1:8080/}
   * @return the endpoints
   * @throws IllegalArgumentException if {@code base} is relative, or is plain {@code http} to a
   *     host that is not loopback
   */
  public static Endpoints at(URI base) {
    Objects.requireNonNull(base, "base == null");
    URI root = withTrailingSlash(base);
    checkSafe("base", root);
    return new Endpoints(
        root.resolve("o/oauth2/v2/auth"),
        root.resolve("token"),
        root.resolve("revoke"),
        root.resolve("device/code"),
        root.resolve("v1/userinfo"),
        root.resolve("youtube/v3/"),
        root.resolve("upload/youtube/v3/"),
        root.resolve("pubsubhubbub/subscribe"),
        hostAndPort(root));
  }

  /**
   * These endpoints with another PubSubHubbub hub, such as a self-hosted one.
   *
   * @param hub the hub's subscription endpoint
   * @return the endpoints
   * @throws IllegalArgumentException if {@code hub} is relative, or is plain {@code http} to a host
   *     that is not loopback
   */
  public Endpoints withHub(URI hub) {
    return new Endpoints(
        authorization, token, revoke, deviceCode, userInfo, api, upload, hub, grpc);
  }

  /**
   * These endpoints with another gRPC target for live chat streaming, such as the emulator's.
   *
   * @param grpc {@code https://host:port}, or {@code http://host:port} on a loopback host
   * @return the endpoints
   * @throws IllegalArgumentException if {@code grpc} is relative, or is plain {@code http} to a
   *     host that is not loopback
   */
  public Endpoints withGrpc(URI grpc) {
    checkSafe("grpc", grpc);
    return new Endpoints(
        authorization, token, revoke, deviceCode, userInfo, api, upload, hub, hostAndPort(grpc));
  }

  /** The scheme, host and port of {@code uri}, the port made explicit. */
  private static URI hostAndPort(URI uri) {
    int port = uri.getPort();
    if (port < 0) {
      port = uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
    String host = uri.getHost();
    return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + ":" + port);
  }

  /**
   * {@link #at(URI)} for a string.
   *
   * @param base the base URL, absolute
   * @return the endpoints under {@code base}
   */
  public static Endpoints at(String base) {
    Objects.requireNonNull(base, "base == null");
    return at(URI.create(base));
  }

  private static URI withTrailingSlash(URI uri) {
    String path = uri.getRawPath();
    if (path != null && path.endsWith("/")) {
      return uri;
    }
    return URI.create(uri.toString().replaceFirst("([?#].*)?$", "/$1"));
  }

  private static void checkSafe(String name, URI uri) {
    Objects.requireNonNull(uri, name + " == null");
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(name + " endpoint must be an absolute URL: " + uri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return;
    }
    if (scheme.equals("http") && isLoopback(uri.getHost())) {
      return;
    }
    throw new IllegalArgumentException(
        name + " endpoint must use https (plain http is allowed on loopback hosts only): " + uri);
  }

  private static boolean isLoopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses are checked: a name other than localhost is never resolved here.
    if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
