package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.emulator.Exchange.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The emulator's state and its routing of requests to OAuth and the Data API. */
final class Backend {

  final Store store;
  final Clock clock;
  final boolean autoApprove;
  final Map<String, OAuthClientRegistration> clients;
  final Duration deviceInterval;
  final Quota quota;
  final OAuth oauth;
  final LiveChats liveChats;
  final Api api;
  final Hub hub;
  private volatile String base = "http://127.0.0.1/";

  /** How long an upload shows as being processed ({@code ZERO}: processed at once). */
  volatile Duration processingTime = Duration.ZERO;

  /**
   * How long a broadcast's transition to {@code testing} or {@code live} takes ({@code ZERO}: done
   * at once); see {@link Broadcasts}.
   */
  volatile Duration transitionTime = Duration.ZERO;

  /** Whether a transition may be on its way (guarded by this backend's lock). */
  boolean transitionsPending = true;

  Backend(
      Store store,
      Clock clock,
      boolean autoApprove,
      Map<String, OAuthClientRegistration> clients,
      Duration deviceInterval,
      Quota quota,
      Hub.Settings push) {
    this.store = store;
    this.clock = clock;
    this.autoApprove = autoApprove;
    this.clients = Map.copyOf(clients);
    this.deviceInterval = deviceInterval;
    this.quota = quota;
    this.oauth = new OAuth(this);
    this.liveChats = new LiveChats(this);
    this.api = new Api(this);
    this.hub = new Hub(this, push);
    if (store.get(Kinds.META, "seed") == null) {
      Seed.into(store);
    }
    quota.keepIn(store, this);
  }

  /** The base URL, ending in {@code /}. */
  String base() {
    return base;
  }

  void base(String base) {
    this.base = base;
  }

  /**
   * Answers one request; one at a time, but for the push hub's, which may call the subscriber back
   * before it answers.
   */
  Reply handle(Exchange ex) {
    if (ex.path.equals(Hub.PATH)) {
      return hub.handle(ex);
    }
    synchronized (this) {
      try {
        // One transaction per request, on disk before the answer (with a data directory).
        return store.transaction(
            () -> {
              Broadcasts.settle(this);
              return route(ex);
            });
      } catch (RuntimeException e) {
        ApiError error =
            new ApiError(500, "backendError", "global", "Backend Error: " + e, null, null);
        return Api.error(ex, error);
      }
    }
  }

  private Reply route(Exchange ex) {
    String path = ex.path;
    if (path.startsWith("/youtube/v3/")) {
      return api.handle(ex, path.substring("/youtube/v3/".length()), false);
    }
    if (path.startsWith("/upload/youtube/v3/")) {
      return api.handle(ex, path.substring("/upload/youtube/v3/".length()), true);
    }
    if (path.startsWith("/resumable/upload/youtube/v3/")) {
      return api.handle(ex, path.substring("/resumable/upload/youtube/v3/".length()), true);
    }
    return switch (path) {
      case "/o/oauth2/v2/auth", "/o/oauth2/auth" -> oauth.authorize(ex);
      case "/token", "/oauth2/v4/token", "/o/oauth2/token" -> oauth.token(ex);
      case "/revoke", "/o/oauth2/revoke" -> oauth.revoke(ex);
      case "/device/code" -> oauth.deviceCode(ex);
      case "/device" -> oauth.devicePage(ex);
      case "/v1/userinfo", "/oauth2/v3/userinfo" -> oauth.userInfo(ex);
      case "/oauth2/v1/userinfo", "/oauth2/v2/userinfo", "/userinfo/v2/me" ->
          oauth.legacyUserInfo(ex);
      case "/.well-known/openid-configuration" -> Reply.json(200, discovery(), true);
      case "/emulator/quota" -> quotaReport(ex);
      case "/", "" -> Reply.html(200, index());
      default ->
          Reply.html(
              404,
              Html.page(
                  "Error 404 (Not Found)",
                  "<p><b>404.</b> That's an error.</p><p>The requested URL "
                      + Html.escape(path)
                      + " was not found on this server.</p>"));
    };
  }

  private Reply quotaReport(Exchange ex) {
    if (ex.method.equals("DELETE") || ex.method.equals("POST")) {
      quota.reset();
    }
    ObjectNode report = Jsons.object();
    for (QuotaBucket bucket : QuotaBucket.values()) {
      report.set(bucket.name(), of("used", quota.used(bucket), "limit", quota.limit(bucket)));
    }
    return Reply.json(200, report, true);
  }

  private ObjectNode discovery() {
    ArrayNode methods = Jsons.array().add("plain").add("S256");
    return of(
        "issuer",
        "https://accounts.google.com",
        "authorization_endpoint",
        base + "o/oauth2/v2/auth",
        "device_authorization_endpoint",
        base + "device/code",
        "token_endpoint",
        base + "token",
        "userinfo_endpoint",
        base + "v1/userinfo",
        "revocation_endpoint",
        base + "revoke",
        "response_types_supported",
        Jsons.array().add("code"),
        "grant_types_supported",
        Jsons.array().add("authorization_code").add("refresh_token").add(OAuth.DEVICE_GRANT),
        "code_challenge_methods_supported",
        methods,
        "token_endpoint_auth_methods_supported",
        Jsons.array().add("client_secret_post").add("client_secret_basic"));
  }

  private String index() {
    StringBuilder body = new StringBuilder("<h1>jyoutube emulator</h1>\n");
    body.append("<p>Google OAuth 2.0 and the YouTube Data API v3, on loopback. Point the client at")
        .append(" <code>Endpoints.at(\"")
        .append(Html.escape(base))
        .append("\")</code>.</p>\n<h2>OAuth clients</h2>\n<ul>\n");
    for (OAuthClientRegistration client : clients.values()) {
      body.append("<li><code>")
          .append(Html.escape(client.clientId()))
          .append("</code> / secret <code>")
          .append(Html.escape(String.valueOf(client.clientSecret())))
          .append("</code></li>\n");
    }
    body.append("</ul>\n<h2>Accounts</h2>\n<ul>\n");
    for (Account account : Account.SEEDED) {
      body.append("<li>")
          .append(Html.escape(account.name()))
          .append(" &lt;")
          .append(Html.escape(account.email()))
          .append("&gt;, channel <code>")
          .append(Html.escape(account.channelId()))
          .append("</code> (")
          .append(Html.escape(account.handle()))
          .append(")</li>\n");
    }
    body.append("</ul>\n");
    return Html.page("jyoutube emulator", body.toString());
  }
}
