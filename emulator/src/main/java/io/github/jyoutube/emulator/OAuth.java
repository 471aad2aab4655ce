package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.emulator.Exchange.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Google's OAuth 2.0 endpoints: the consent page, the token endpoint (authorization code with PKCE,
 * refresh token, device code), revocation, device authorization and user info.
 */
final class OAuth {

  static final String PROFILE = "https://www.googleapis.com/auth/userinfo.profile";
  static final String EMAIL = "https://www.googleapis.com/auth/userinfo.email";

  /** The scopes the consent page knows, with the words it shows. */
  static final Map<String, String> SCOPE_WORDS = new LinkedHashMap<>();

  static {
    SCOPE_WORDS.put("https://www.googleapis.com/auth/youtube", "Manage your YouTube account");
    SCOPE_WORDS.put(
        "https://www.googleapis.com/auth/youtube.readonly", "View your YouTube account");
    SCOPE_WORDS.put("https://www.googleapis.com/auth/youtube.upload", "Manage your YouTube videos");
    SCOPE_WORDS.put(
        "https://www.googleapis.com/auth/youtube.force-ssl",
        "See, edit, and permanently delete your YouTube videos, ratings, comments and captions");
    SCOPE_WORDS.put(
        "https://www.googleapis.com/auth/youtube.channel-memberships.creator",
        "See a list of your current active channel members, their current level, and when they"
            + " became a member");
    SCOPE_WORDS.put(
        "https://www.googleapis.com/auth/youtubepartner",
        "View and manage your assets and associated content on YouTube");
    SCOPE_WORDS.put(
        "https://www.googleapis.com/auth/youtubepartner-channel-audit",
        "View private information of your YouTube channel relevant during the audit process with"
            + " a YouTube partner");
    SCOPE_WORDS.put(
        PROFILE,
        "See your personal info, including any personal info you've made" + " publicly available");
    SCOPE_WORDS.put(EMAIL, "See your primary Google Account email address");
    SCOPE_WORDS.put("openid", "Associate you with your personal info on Google");
    SCOPE_WORDS.put("profile", "See your personal info");
    SCOPE_WORDS.put("email", "See your primary Google Account email address");
  }

  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  static final Duration DEVICE_CODE_LIFETIME = Duration.ofMinutes(30);
  static final long ACCESS_TOKEN_SECONDS = 3599;
  static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  /** What a validated consent request asked for. */
  private record AuthRequest(
      OAuthClientRegistration client,
      String redirectUri,
      String state,
      Set<String> scopes,
      String accessType,
      String prompt,
      String loginHint,
      boolean includeGrantedScopes,
      String codeChallenge,
      String codeChallengeMethod,
      Instant createdAt) {}

  /** An issued authorization code. */
  private record Code(AuthRequest request, Account account, Set<String> scopes, Instant issuedAt) {}

  /** A device authorization in progress. */
  private static final class DeviceAuth {
    final OAuthClientRegistration client;
    final Set<String> scopes;
    final String userCode;
    final Instant issuedAt;
    Instant lastPoll;
    Account approvedBy;
    boolean denied;
    boolean done;

    DeviceAuth(OAuthClientRegistration client, Set<String> scopes, String userCode, Instant at) {
      this.client = client;
      this.scopes = scopes;
      this.userCode = userCode;
      this.issuedAt = at;
    }
  }

  /** What an access token grants. */
  record TokenInfo(Account account, Set<String> scopes, String clientId) {}

  private final Backend backend;
  private final Map<String, AuthRequest> consents = new HashMap<>();
  private final Map<String, Code> codes = new HashMap<>();
  private final Set<String> usedCodes = new LinkedHashSet<>();
  private final Map<String, DeviceAuth> devices = new HashMap<>();

  OAuth(Backend backend) {
    this.backend = backend;
  }

  private Instant now() {
    return backend.clock.instant();
  }

  // ---- Consent page -------------------------------------------------------------------------

  /** GET or POST {@code o/oauth2/v2/auth}. */
  Reply authorize(Exchange ex) {
    if (ex.method.equals("POST")) {
      return decide(ex.form());
    }
    if (!ex.method.equals("GET")) {
      return Reply.empty(405).header("Allow", "GET, POST");
    }
    Map<String, String> q = new LinkedHashMap<>();
    ex.query.forEach((name, values) -> q.put(name, values.get(0)));
    String clientId = q.get("client_id");
    if (clientId == null || clientId.isEmpty()) {
      return errorPage(400, "invalid_request", "Missing required parameter: client_id");
    }
    OAuthClientRegistration client = backend.clients.get(clientId);
    if (client == null) {
      return errorPage(401, "invalid_client", "The OAuth client was not found.");
    }
    String redirectUri = q.get("redirect_uri");
    if (redirectUri == null || redirectUri.isEmpty()) {
      return errorPage(400, "invalid_request", "Missing required parameter: redirect_uri");
    }
    if (!client.allowsRedirect(redirectUri)) {
      return errorPage(
          400,
          "redirect_uri_mismatch",
          "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0"
              + " policy. If you're the app developer, register the redirect URI in the Google"
              + " Cloud Console. Request details: redirect_uri="
              + redirectUri);
    }
    String responseType = q.get("response_type");
    if (responseType == null || responseType.isEmpty()) {
      return errorPage(400, "invalid_request", "Required parameter is missing: response_type");
    }
    if (!responseType.equals("code")) {
      return errorPage(400, "unsupported_response_type", "Invalid response_type: " + responseType);
    }
    String scope = q.get("scope");
    if (scope == null || scope.isBlank()) {
      return errorPage(400, "invalid_request", "Missing required parameter: scope");
    }
    Set<String> scopes = new LinkedHashSet<>(List.of(scope.trim().split("\\s+")));
    Set<String> unknown = new LinkedHashSet<>(scopes);
    unknown.removeAll(SCOPE_WORDS.keySet());
    if (!unknown.isEmpty()) {
      return errorPage(
          400, "invalid_scope", "Some requested scopes were invalid. {invalid=" + unknown + "}");
    }
    String challenge = q.get("code_challenge");
    String method = q.get("code_challenge_method");
    if (challenge != null) {
      method = method == null ? "plain" : method;
      if (!method.equals("S256") && !method.equals("plain")) {
        return errorPage(400, "invalid_request", "Invalid code_challenge_method value.");
      }
      if (challenge.length() < 43 || challenge.length() > 128) {
        return errorPage(400, "invalid_request", "Invalid code_challenge length.");
      }
    }
    String accessType = q.getOrDefault("access_type", "online");
    if (!accessType.equals("online") && !accessType.equals("offline")) {
      return errorPage(400, "invalid_request", "Invalid access_type: " + accessType);
    }
    AuthRequest request =
        new AuthRequest(
            client,
            redirectUri,
            q.get("state"),
            scopes,
            accessType,
            q.getOrDefault("prompt", ""),
            q.get("login_hint"),
            "true".equals(q.get("include_granted_scopes")),
            challenge,
            challenge == null ? null : method,
            now());
    Account hinted = Account.find(request.loginHint());
    if (backend.autoApprove) {
      return approve(request, hinted != null ? hinted : Account.SEEDED.get(0));
    }
    if (request.prompt().contains("none")) {
      Account account = hinted != null ? hinted : Account.SEEDED.get(0);
      if (hasConsent(client.clientId(), account, scopes)) {
        return approve(request, account);
      }
      return Reply.redirect(redirect(request, "error", "consent_required"));
    }
    String id = Ids.random(32);
    expireConsents();
    consents.put(id, request);
    return Reply.html(200, consentPage(id, request, hinted));
  }

  private String consentPage(String id, AuthRequest request, Account hinted) {
    StringBuilder body = new StringBuilder();
    body.append("<h1 id=\"title\">Sign in with Google</h1>\n")
        .append("<p>Choose an account to continue to <strong id=\"app\">")
        .append(Html.escape(request.client().name()))
        .append("</strong></p>\n")
        .append("<form id=\"consent\" method=\"post\" action=\"/o/oauth2/v2/auth\">\n")
        .append(Html.hidden("request", id))
        .append("<fieldset id=\"accounts\"><legend>Account</legend>\n");
    List<Account> accounts = Account.SEEDED;
    for (int i = 0; i < accounts.size(); i++) {
      Account account = accounts.get(i);
      boolean checked = hinted != null ? hinted.equals(account) : i == 0;
      body.append("<label for=\"account-")
          .append(i)
          .append("\"><input type=\"radio\" id=\"account-")
          .append(i)
          .append("\" name=\"account\" value=\"")
          .append(i)
          .append("\"")
          .append(checked ? " checked" : "")
          .append("> ")
          .append(Html.escape(account.name()))
          .append(" &lt;")
          .append(Html.escape(account.email()))
          .append("&gt;</label>\n");
    }
    body.append("</fieldset>\n<p>")
        .append(Html.escape(request.client().name()))
        .append(" wants to access your Google Account:</p>\n<ul id=\"scopes\">\n");
    int n = 0;
    for (String scope : request.scopes()) {
      body.append("<li id=\"scope-")
          .append(n++)
          .append("\" title=\"")
          .append(Html.escape(scope))
          .append("\">")
          .append(Html.escape(SCOPE_WORDS.get(scope)))
          .append("</li>\n");
    }
    body.append("</ul>\n")
        .append("<button type=\"submit\" id=\"allow\" name=\"decision\" value=\"allow\">Allow")
        .append("</button>\n")
        .append("<button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\">Deny")
        .append("</button>\n</form>\n");
    return Html.page("Sign in - Google Accounts (jyoutube emulator)", body.toString());
  }

  /** The Allow or Deny form. */
  private Reply decide(Map<String, String> form) {
    expireConsents();
    AuthRequest request = consents.remove(form.getOrDefault("request", ""));
    if (request == null) {
      return errorPage(
          400, "invalid_request", "The consent request is unknown or has expired; start again.");
    }
    if (!"allow".equals(form.get("decision"))) {
      return Reply.redirect(redirect(request, "error", "access_denied"));
    }
    Account account;
    try {
      account = Account.SEEDED.get(Integer.parseInt(form.getOrDefault("account", "0")));
    } catch (RuntimeException e) {
      return errorPage(400, "invalid_request", "Choose an account.");
    }
    return approve(request, account);
  }

  private Reply approve(AuthRequest request, Account account) {
    Set<String> scopes = new LinkedHashSet<>(request.scopes());
    if (request.includeGrantedScopes()) {
      scopes.addAll(consented(request.client().clientId(), account));
    }
    String code = "4/0A" + Ids.random(70);
    codes.put(code, new Code(request, account, scopes, now()));
    return Reply.redirect(redirect(request, "code", code, "scope", String.join(" ", scopes)));
  }

  private static String redirect(AuthRequest request, String... pairs) {
    StringJoiner query = new StringJoiner("&");
    if (request.state() != null) {
      query.add("state=" + encode(request.state()));
    }
    for (int i = 0; i < pairs.length; i += 2) {
      query.add(pairs[i] + "=" + encode(pairs[i + 1]));
    }
    String uri = request.redirectUri();
    return uri + (uri.contains("?") ? "&" : "?") + query;
  }

  private static Reply errorPage(int status, String error, String description) {
    String body =
        "<h1>Access blocked: Authorization Error</h1>\n<p id=\"error-code\">Error "
            + status
            + ": "
            + Html.escape(error)
            + "</p>\n<p id=\"error-description\">"
            + Html.escape(description)
            + "</p>\n";
    return Reply.html(status, Html.page("Error " + status + " (" + error + ")", body));
  }

  private void expireConsents() {
    Instant oldest = now().minus(CODE_LIFETIME);
    consents.values().removeIf(r -> r.createdAt().isBefore(oldest));
    codes.values().removeIf(c -> c.issuedAt().isBefore(oldest));
    if (usedCodes.size() > 10_000) {
      Iterator<String> first = usedCodes.iterator();
      first.next();
      first.remove();
    }
  }

  // ---- Token endpoint ---------------------------------------------------------------------

  /** POST {@code token}. */
  Reply token(Exchange ex) {
    if (!ex.method.equals("POST")) {
      return oauthError(405, "invalid_request", "The token endpoint accepts POST only.");
    }
    Map<String, String> form = ex.form();
    String grantType = form.get("grant_type");
    if (grantType == null || grantType.isEmpty()) {
      return oauthError(400, "invalid_request", "Missing required parameter: grant_type");
    }
    if (!grantType.equals("authorization_code")
        && !grantType.equals("refresh_token")
        && !grantType.equals(DEVICE_GRANT)) {
      return oauthError(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
    }
    String[] basic = basicCredentials(ex.header("Authorization"));
    String clientId = basic != null ? basic[0] : form.get("client_id");
    String secret = basic != null ? basic[1] : form.get("client_secret");
    if (clientId == null || clientId.isEmpty()) {
      return oauthError(400, "invalid_request", "Could not determine client ID from request.");
    }
    OAuthClientRegistration client = backend.clients.get(clientId);
    if (client == null) {
      return oauthError(401, "invalid_client", "The OAuth client was not found.");
    }
    if (client.clientSecret() != null) {
      if (secret == null || secret.isEmpty()) {
        return oauthError(400, "invalid_request", "client_secret is missing.");
      }
      if (!MessageDigest.isEqual(
          secret.getBytes(StandardCharsets.UTF_8),
          client.clientSecret().getBytes(StandardCharsets.UTF_8))) {
        return oauthError(401, "invalid_client", "Unauthorized");
      }
    }
    return switch (grantType) {
      case "authorization_code" -> exchangeCode(client, form);
      case "refresh_token" -> refresh(client, form);
      default -> pollDevice(client, form);
    };
  }

  private Reply exchangeCode(OAuthClientRegistration client, Map<String, String> form) {
    String value = form.get("code");
    if (value == null || value.isEmpty()) {
      return oauthError(400, "invalid_request", "Missing required parameter: code");
    }
    expireConsents();
    Code code = codes.remove(value);
    if (code == null) {
      return oauthError(
          400, "invalid_grant", usedCodes.contains(value) ? "Bad Request" : "Malformed auth code.");
    }
    usedCodes.add(value);
    AuthRequest request = code.request();
    if (!request.client().clientId().equals(client.clientId())) {
      return oauthError(400, "invalid_grant", "Bad Request");
    }
    String redirectUri = form.get("redirect_uri");
    if (redirectUri == null || redirectUri.isEmpty()) {
      return oauthError(400, "invalid_request", "Missing parameter: redirect_uri");
    }
    if (!redirectUri.equals(request.redirectUri())) {
      return oauthError(400, "redirect_uri_mismatch", "Bad Request");
    }
    if (request.codeChallenge() != null) {
      String verifier = form.get("code_verifier");
      if (verifier == null || verifier.isEmpty()) {
        return oauthError(400, "invalid_grant", "Missing code verifier.");
      }
      String expected = request.codeChallengeMethod().equals("S256") ? s256(verifier) : verifier;
      if (!expected.equals(request.codeChallenge())) {
        return oauthError(400, "invalid_grant", "Invalid code verifier.");
      }
    } else if (client.clientSecret() == null) {
      return oauthError(400, "invalid_request", "code_verifier is required for public clients.");
    }
    Account account = code.account();
    boolean firstConsent = grantFor(client.clientId(), account) == null;
    recordConsent(client.clientId(), account, code.scopes());
    String refresh = null;
    if (request.accessType().equals("offline")
        && (firstConsent || request.prompt().contains("consent"))) {
      refresh = newGrant(client.clientId(), account, code.scopes());
    }
    return tokenReply(client, account, code.scopes(), refresh, true);
  }

  private Reply refresh(OAuthClientRegistration client, Map<String, String> form) {
    String token = form.get("refresh_token");
    if (token == null || token.isEmpty()) {
      return oauthError(400, "invalid_request", "Missing required parameter: refresh_token");
    }
    ObjectNode grant = backend.store.get(Kinds.GRANT, token);
    if (grant == null) {
      return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
    }
    if (!grant.path("clientId").asText().equals(client.clientId())) {
      return oauthError(401, "unauthorized_client", "Unauthorized");
    }
    Account account = Account.find(grant.path("sub").asText());
    Set<String> scopes = strings(grant.path("scopes"));
    String narrowed = form.get("scope");
    if (narrowed != null && !narrowed.isBlank()) {
      Set<String> asked = new LinkedHashSet<>(List.of(narrowed.trim().split("\\s+")));
      if (!scopes.containsAll(asked)) {
        return oauthError(400, "invalid_scope", "Some requested scopes were not granted.");
      }
      scopes = asked;
    }
    return tokenReply(client, account, scopes, null, token, true);
  }

  // ---- Device flow ------------------------------------------------------------------------

  /** POST {@code device/code}. */
  Reply deviceCode(Exchange ex) {
    if (!ex.method.equals("POST")) {
      return oauthError(405, "invalid_request", "The device endpoint accepts POST only.");
    }
    Map<String, String> form = ex.form();
    String clientId = form.get("client_id");
    if (clientId == null || clientId.isEmpty()) {
      return oauthError(400, "invalid_request", "Missing required parameter: client_id");
    }
    OAuthClientRegistration client = backend.clients.get(clientId);
    if (client == null) {
      return oauthError(401, "invalid_client", "The OAuth client was not found.");
    }
    String scope = form.get("scope");
    if (scope == null || scope.isBlank()) {
      return oauthError(400, "invalid_scope", "Missing required parameter: scope");
    }
    Set<String> scopes = new LinkedHashSet<>(List.of(scope.trim().split("\\s+")));
    Set<String> unknown = new LinkedHashSet<>(scopes);
    unknown.removeAll(SCOPE_WORDS.keySet());
    if (!unknown.isEmpty()) {
      return oauthError(400, "invalid_scope", "Invalid device flow scope: " + unknown);
    }
    String deviceCode = "AH-1Ng" + Ids.random(60);
    String userCode = Ids.letters(4) + "-" + Ids.letters(4);
    devices.put(deviceCode, new DeviceAuth(client, scopes, userCode, now()));
    ObjectNode body =
        of(
            "device_code",
            deviceCode,
            "user_code",
            userCode,
            "expires_in",
            DEVICE_CODE_LIFETIME.toSeconds(),
            "interval",
            backend.deviceInterval.toSeconds(),
            "verification_url",
            backend.base() + "device");
    return noStore(Reply.json(200, body, true));
  }

  private Reply pollDevice(OAuthClientRegistration client, Map<String, String> form) {
    String deviceCode = form.get("device_code");
    if (deviceCode == null || deviceCode.isEmpty()) {
      return oauthError(400, "invalid_request", "Missing required parameter: device_code");
    }
    DeviceAuth auth = devices.get(deviceCode);
    if (auth == null || auth.done || !auth.client.clientId().equals(client.clientId())) {
      return oauthError(400, "invalid_grant", "Malformed device code.");
    }
    Instant now = now();
    if (now.isAfter(auth.issuedAt.plus(DEVICE_CODE_LIFETIME))) {
      devices.remove(deviceCode);
      return oauthError(400, "expired_token", "Expired device code.");
    }
    if (auth.denied) {
      auth.done = true;
      return oauthError(403, "access_denied", "Forbidden");
    }
    if (auth.approvedBy == null) {
      Instant last = auth.lastPoll;
      auth.lastPoll = now;
      if (last != null && now.isBefore(last.plus(backend.deviceInterval))) {
        return oauthError(403, "slow_down", "Forbidden");
      }
      return oauthError(428, "authorization_pending", "Precondition Required");
    }
    auth.done = true;
    devices.remove(deviceCode);
    Account account = auth.approvedBy;
    recordConsent(client.clientId(), account, auth.scopes);
    String refresh = newGrant(client.clientId(), account, auth.scopes);
    return tokenReply(client, account, auth.scopes, refresh, true);
  }

  /** GET or POST {@code device}: where the user enters the code and approves. */
  Reply devicePage(Exchange ex) {
    if (ex.method.equals("POST")) {
      Map<String, String> form = ex.form();
      String entered = form.getOrDefault("user_code", "").trim().toUpperCase(Locale.ROOT);
      DeviceAuth auth = null;
      for (DeviceAuth candidate : devices.values()) {
        if (candidate.userCode.equals(entered) && !candidate.done) {
          auth = candidate;
        }
      }
      if (auth == null) {
        return Reply.html(400, deviceForm("That code is not valid. Try again."));
      }
      if ("allow".equals(form.get("decision"))) {
        try {
          auth.approvedBy = Account.SEEDED.get(Integer.parseInt(form.getOrDefault("account", "0")));
        } catch (RuntimeException e) {
          return Reply.html(400, deviceForm("Choose an account."));
        }
        return Reply.html(
            200,
            Html.page(
                "Success",
                "<h1 id=\"done\">Success!</h1>\n<p>"
                    + Html.escape(auth.client.name())
                    + " now has access to your account. You may close this window.</p>"));
      }
      auth.denied = true;
      return Reply.html(
          200,
          Html.page("Denied", "<h1 id=\"done\">Access denied</h1>\n<p>You denied access.</p>"));
    }
    return Reply.html(200, deviceForm(null));
  }

  private static String deviceForm(String problem) {
    StringBuilder body = new StringBuilder("<h1>Connect a device</h1>\n");
    if (problem != null) {
      body.append("<p id=\"problem\">").append(Html.escape(problem)).append("</p>\n");
    }
    body.append("<form id=\"device\" method=\"post\" action=\"/device\">\n")
        .append("<label for=\"user-code\">Enter the code displayed on your device</label>\n")
        .append("<input type=\"text\" id=\"user-code\" name=\"user_code\" autocomplete=\"off\">\n")
        .append("<fieldset id=\"accounts\"><legend>Account</legend>\n");
    for (int i = 0; i < Account.SEEDED.size(); i++) {
      Account account = Account.SEEDED.get(i);
      body.append("<label for=\"account-")
          .append(i)
          .append("\"><input type=\"radio\" id=\"account-")
          .append(i)
          .append("\" name=\"account\" value=\"")
          .append(i)
          .append("\"")
          .append(i == 0 ? " checked" : "")
          .append("> ")
          .append(Html.escape(account.name()))
          .append(" &lt;")
          .append(Html.escape(account.email()))
          .append("&gt;</label>\n");
    }
    body.append("</fieldset>\n")
        .append("<button type=\"submit\" id=\"allow\" name=\"decision\" value=\"allow\">Allow")
        .append("</button>\n")
        .append("<button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\">Deny")
        .append("</button>\n</form>\n");
    return Html.page("Connect a device (jyoutube emulator)", body.toString());
  }

  // ---- Revoke and user info ---------------------------------------------------------------

  /** POST {@code revoke}. */
  Reply revoke(Exchange ex) {
    String token = ex.form().get("token");
    if (token == null) {
      token = ex.param("token");
    }
    if (token == null || token.isEmpty()) {
      return oauthError(400, "invalid_request", "Missing required parameter: token");
    }
    ObjectNode grant = backend.store.get(Kinds.GRANT, token);
    ObjectNode access = backend.store.get(Kinds.ACCESS_TOKEN, token);
    if (grant == null && access == null) {
      return oauthError(400, "invalid_token", "Token expired or revoked");
    }
    String clientId;
    Account account;
    if (grant != null) {
      clientId = grant.path("clientId").asText();
      account = Account.find(grant.path("sub").asText());
    } else {
      clientId = access.path("clientId").asText();
      account = Account.find(access.path("sub").asText());
    }
    revokeAll(clientId, account);
    return Reply.empty(200).header("Content-Type", "application/json; charset=utf-8");
  }

  /** Revokes every token of a client and account, and forgets the consent (as Google does). */
  private void revokeAll(String clientId, Account account) {
    String sub = account == null ? "" : account.sub();
    for (ObjectNode grant : backend.store.all(Kinds.GRANT)) {
      if (grant.path("clientId").asText().equals(clientId)
          && grant.path("sub").asText().equals(sub)) {
        backend.store.remove(Kinds.GRANT, grant.path("id").asText());
      }
    }
    for (ObjectNode access : backend.store.all(Kinds.ACCESS_TOKEN)) {
      if (access.path("clientId").asText().equals(clientId)
          && access.path("sub").asText().equals(sub)) {
        backend.store.remove(Kinds.ACCESS_TOKEN, access.path("id").asText());
      }
    }
    backend.store.remove(Kinds.CONSENT, clientId + "|" + sub);
  }

  /** GET {@code v1/userinfo}. */
  Reply userInfo(Exchange ex) {
    String token = bearer(ex);
    if (token == null) {
      return oauthError(401, "invalid_request", "Missing required parameter: access_token")
          .header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
    }
    TokenInfo info = lookup(token);
    if (info == null) {
      return oauthError(401, "invalid_token", "Invalid Credentials")
          .header(
              "WWW-Authenticate",
              "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
    }
    Account a = info.account();
    ObjectNode body = of("sub", a.sub());
    if (info.scopes().contains(PROFILE) || info.scopes().contains("profile")) {
      body.put("name", a.name());
      body.put("given_name", a.givenName());
      body.put("family_name", a.familyName());
      body.put("picture", a.picture());
      body.put("locale", a.locale());
    }
    if (info.scopes().contains(EMAIL) || info.scopes().contains("email")) {
      body.put("email", a.email());
      body.put("email_verified", true);
    }
    return Reply.json(200, body, true);
  }

  /**
   * GET {@code oauth2/v1/userinfo}, {@code oauth2/v2/userinfo} or {@code userinfo/v2/me}: Google's
   * legacy user info (python-youtube's {@code get_profile} calls v1), with {@code id} for the
   * subject, the profile with the profile scope, {@code email} and {@code verified_email} with the
   * email scope (and the picture with either), and the Data API's 401s.
   */
  Reply legacyUserInfo(Exchange ex) {
    String token = bearer(ex);
    if (token == null) {
      return Api.error(ex, ApiError.loginRequired());
    }
    TokenInfo info = lookup(token);
    if (info == null) {
      return Api.error(ex, ApiError.invalidCredentials());
    }
    Account a = info.account();
    boolean profile = info.scopes().contains(PROFILE) || info.scopes().contains("profile");
    boolean email = info.scopes().contains(EMAIL) || info.scopes().contains("email");
    ObjectNode body = of("id", a.sub());
    if (email) {
      body.put("email", a.email());
      body.put("verified_email", true);
    }
    if (profile) {
      body.put("name", a.name());
      body.put("given_name", a.givenName());
      body.put("family_name", a.familyName());
    }
    if (profile || email) {
      body.put("picture", a.picture());
    }
    if (profile) {
      body.put("locale", a.locale());
    }
    return Reply.json(200, body, !"false".equals(ex.param("prettyPrint")))
        .header("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
        .header("Pragma", "no-cache");
  }

  static String bearer(Exchange ex) {
    String header = ex.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).trim();
      return token.isEmpty() ? null : token;
    }
    String token = ex.param("access_token");
    if (token == null) {
      token = ex.param("oauth_token");
    }
    return token == null || token.isEmpty() ? null : token;
  }

  // ---- Tokens -----------------------------------------------------------------------------

  /** What a live access token grants, or {@code null} for an unknown, expired or revoked one. */
  TokenInfo lookup(String token) {
    ObjectNode access = backend.store.get(Kinds.ACCESS_TOKEN, token);
    if (access == null) {
      return null;
    }
    if (now().getEpochSecond() >= access.path("expiresAt").asLong()) {
      backend.store.remove(Kinds.ACCESS_TOKEN, token);
      return null;
    }
    Account account = Account.find(access.path("sub").asText());
    if (account == null) {
      return null;
    }
    return new TokenInfo(account, strings(access.path("scopes")), access.path("clientId").asText());
  }

  /** Issues an access token directly, as if after consent: for tests. */
  String issue(String clientId, Account account, Set<String> scopes) {
    return newAccessToken(clientId, account, scopes, null);
  }

  private String newAccessToken(
      String clientId, Account account, Set<String> scopes, String grant) {
    expireTokens();
    String token = "ya29.a0" + Ids.random(100);
    ArrayNode list = Jsons.array();
    scopes.forEach(list::add);
    backend.store.put(
        Kinds.ACCESS_TOKEN,
        of(
            "id", token,
            "clientId", clientId,
            "sub", account.sub(),
            "scopes", list,
            "expiresAt", now().getEpochSecond() + ACCESS_TOKEN_SECONDS + 1,
            "grant", grant));
    return token;
  }

  private void expireTokens() {
    long now = now().getEpochSecond();
    for (ObjectNode access : backend.store.all(Kinds.ACCESS_TOKEN)) {
      if (now >= access.path("expiresAt").asLong()) {
        backend.store.remove(Kinds.ACCESS_TOKEN, access.path("id").asText());
      }
    }
  }

  private String newGrant(String clientId, Account account, Set<String> scopes) {
    String token = "1//0" + Ids.random(100);
    ArrayNode list = Jsons.array();
    scopes.forEach(list::add);
    backend.store.put(
        Kinds.GRANT,
        of(
            "id", token,
            "clientId", clientId,
            "sub", account.sub(),
            "scopes", list,
            "issuedAt", Jsons.time(now())));
    return token;
  }

  private ObjectNode grantFor(String clientId, Account account) {
    for (ObjectNode grant : backend.store.all(Kinds.GRANT)) {
      if (grant.path("clientId").asText().equals(clientId)
          && grant.path("sub").asText().equals(account.sub())) {
        return grant;
      }
    }
    return null;
  }

  private void recordConsent(String clientId, Account account, Set<String> scopes) {
    Set<String> all = consented(clientId, account);
    all.addAll(scopes);
    ArrayNode list = Jsons.array();
    all.forEach(list::add);
    backend.store.put(Kinds.CONSENT, of("id", clientId + "|" + account.sub(), "scopes", list));
  }

  private Set<String> consented(String clientId, Account account) {
    ObjectNode consent = backend.store.get(Kinds.CONSENT, clientId + "|" + account.sub());
    return consent == null ? new LinkedHashSet<>() : strings(consent.path("scopes"));
  }

  private boolean hasConsent(String clientId, Account account, Set<String> scopes) {
    return consented(clientId, account).containsAll(scopes);
  }

  private Reply tokenReply(
      OAuthClientRegistration client,
      Account account,
      Set<String> scopes,
      String refreshToken,
      boolean idToken) {
    return tokenReply(client, account, scopes, refreshToken, refreshToken, idToken);
  }

  private Reply tokenReply(
      OAuthClientRegistration client,
      Account account,
      Set<String> scopes,
      String newRefreshToken,
      String grant,
      boolean idToken) {
    String access = newAccessToken(client.clientId(), account, scopes, grant);
    ObjectNode body =
        of(
            "access_token", access,
            "expires_in", ACCESS_TOKEN_SECONDS,
            "refresh_token", newRefreshToken,
            "scope", String.join(" ", scopes),
            "token_type", "Bearer");
    if (idToken && scopes.contains("openid") && client.clientSecret() != null) {
      body.put("id_token", idToken(client, account, scopes));
    }
    return noStore(Reply.json(200, body, true));
  }

  /** An OpenID Connect ID token, signed HS256 with the client secret. */
  private String idToken(OAuthClientRegistration client, Account account, Set<String> scopes) {
    long now = now().getEpochSecond();
    ObjectNode claims =
        of(
            "iss",
            "https://accounts.google.com",
            "azp",
            client.clientId(),
            "aud",
            client.clientId(),
            "sub",
            account.sub(),
            "iat",
            now,
            "exp",
            now + ACCESS_TOKEN_SECONDS + 1);
    if (scopes.contains("email") || scopes.contains(EMAIL)) {
      claims.put("email", account.email());
      claims.put("email_verified", true);
    }
    if (scopes.contains("profile") || scopes.contains(PROFILE)) {
      claims.put("name", account.name());
      claims.put("picture", account.picture());
      claims.put("given_name", account.givenName());
      claims.put("family_name", account.familyName());
    }
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString(Jsons.bytes(of("alg", "HS256", "kid", "emulator", "typ", "JWT"), false))
            + "."
            + b64.encodeToString(Jsons.bytes(claims, false));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(client.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput
          + "."
          + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static Set<String> strings(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return null;
      }
      return new String[] {
        java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
        java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
      };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Reply oauthError(int status, String error, String description) {
    return noStore(Reply.json(status, of("error", error, "error_description", description), true));
  }

  private static Reply noStore(Reply reply) {
    return reply
        .header("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
        .header("Pragma", "no-cache");
  }

  /** As Google's redirects encode: {@code /} and {@code :} kept, spaces as {@code %20}. */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%2F", "/")
        .replace("%3A", ":");
  }
}
