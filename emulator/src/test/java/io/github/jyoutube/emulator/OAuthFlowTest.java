package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Raw.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AuthorizationOptions;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.auth.UserInfo;
import io.github.jyoutube.error.AuthorizationDeniedException;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.model.Playlist;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's authorization flow against the emulator, with the real client, end to end. */
class OAuthFlowTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR =
      new YouTubeEmulatorExtension(b -> b.deviceInterval(Duration.ofMillis(300)));

  private static YouTubeClient client() {
    return client(EMULATOR.emulator());
  }

  static YouTubeClient client(YouTubeEmulator emulator) {
    return YouTubeClient.builder()
        .clientId(YouTubeEmulator.CLIENT_ID)
        .clientSecret(YouTubeEmulator.CLIENT_SECRET)
        .endpoints(emulator.endpoints())
        .build();
  }

  private static Raw raw() {
    return new Raw(EMULATOR.emulator().baseUri());
  }

  /** Opens the consent page and presses a button as a browser would; returns the redirect. */
  static String consent(Raw raw, String authorizeUrl, int account, String decision) {
    Raw.Response page = raw.get(authorizeUrl);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body())
        .contains("id=\"account-0\"", "id=\"account-1\"", "id=\"allow\"", "id=\"deny\"")
        .contains("alice@example.com", "bob@example.com")
        .doesNotContain("<script", "http://", "https://fonts");
    Raw.Response answer =
        raw.form(
            "o/oauth2/v2/auth",
            fields(
                "request", page.input("request"),
                "account", String.valueOf(account),
                "decision", decision));
    assertThat(answer.status()).isEqualTo(302);
    return answer.header("Location");
  }

  @Test
  void theSeedFlowListsTheSeededPlaylists() {
    // A fresh emulator: Google sends a refresh token on the first consent only.
    try (YouTubeEmulator fresh = YouTubeEmulator.start()) {
      seedFlow(fresh);
    }
  }

  private static void seedFlow(YouTubeEmulator emulator) {
    YouTubeClient cli = client(emulator);
    Raw raw = new Raw(emulator.baseUri());
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    String page = raw.get(auth.uri().toString()).body();
    assertThat(page).contains("Manage your YouTube account").contains("See your personal info");

    String redirect = consent(raw, auth.uri().toString(), 0, "allow");
    assertThat(redirect).startsWith("https://localhost/?state=" + auth.state() + "&code=4/0A");

    AccessToken token = cli.generateAccessToken(redirect);
    assertThat(token.expiresIn()).isEqualTo(3599L);
    assertThat(token.tokenType()).isEqualTo("Bearer");
    assertThat(token.isRefreshable()).isTrue();
    assertThat(token.scope()).contains(Scopes.YOUTUBE, Scopes.USERINFO_PROFILE);

    List<String> titles =
        cli.playlists().list().mine(true).stream().map(p -> p.snippet().title()).toList();
    assertThat(titles)
        .containsExactly(
            "Favourites",
            "Road trip",
            "Private notes",
            "Music",
            "Tutorials",
            "Watch later picks",
            "Empty list");
    Playlist first = cli.playlists().list().mine(true).execute().items().get(0);
    assertThat(first.kind()).isEqualTo("youtube#playlist");
    assertThat(first.id()).startsWith("PL").hasSize(34);
    assertThat(first.etag()).hasSize(27);
    assertThat(first.snippet().channelId()).isEqualTo(Account.ALICE.channelId());
    assertThat(first.contentDetails().itemCount()).isEqualTo(3);

    UserInfo me = cli.userInfo();
    assertThat(me.sub()).isEqualTo(Account.ALICE.sub());
    assertThat(me.name()).isEqualTo("Alice Example");
    assertThat(me.givenName()).isEqualTo("Alice");
    assertThat(me.familyName()).isEqualTo("Example");
    assertThat(me.picture()).startsWith("https://");
    assertThat(me.locale()).isEqualTo("en");
  }

  @Test
  void bobSeesHisOwnPlaylistsAndRefreshAndRevokeWork() {
    YouTubeClient cli = client();
    String url =
        cli.getAuthorizeUrl(AuthorizationOptions.builder().prompt("consent").build())
            .uri()
            .toString();
    AccessToken token = cli.generateAccessToken(consent(raw(), url, 1, "allow"));
    assertThat(token.isRefreshable()).isTrue();
    assertThat(cli.playlists().list().mine(true).stream().map(p -> p.snippet().title()))
        .containsExactly("Bob's mix", "Bob private");

    AccessToken refreshed = cli.refreshAccessToken();
    assertThat(refreshed.accessToken()).isNotEqualTo(token.accessToken());
    assertThat(refreshed.refreshToken()).isEqualTo(token.refreshToken());
    assertThat(cli.playlists().list().mine(true).execute().items()).hasSize(2);

    cli.revokeAccessToken(token.refreshToken());
    assertThatThrownBy(() -> client().refreshAccessToken(token.refreshToken()))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
    // Revoking the grant revokes its access tokens too.
    YouTubeClient stale =
        YouTubeClient.builder()
            .accessToken(refreshed.accessToken())
            .endpoints(EMULATOR.emulator().endpoints())
            .maxRetries(0)
            .build();
    // The API answers 401; with no refresh token to renew it, the client says the user must sign
    // in again.
    assertThatThrownBy(() -> stale.playlists().list().mine(true).execute())
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> {
              assertThat(e.error()).isEqualTo("invalid_token");
              assertThat(e.statusCode()).isEqualTo(401);
            });
  }

  @Test
  void aDeniedConsentRedirectsWithAccessDenied() {
    YouTubeClient cli = client();
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    String redirect = consent(raw(), auth.uri().toString(), 0, "deny");
    assertThat(Raw.query(redirect))
        .containsEntry("error", "access_denied")
        .containsEntry("state", auth.state())
        .doesNotContainKey("code");
    assertThatThrownBy(() -> cli.generateAccessToken(redirect))
        .isInstanceOf(AuthorizationDeniedException.class);
  }

  @Test
  void codesAreOneShotAndBoundToTheRedirectUriAndThePkceVerifier() {
    Raw raw = raw();
    String verifier = "v".repeat(43) + "erifier-of-the-right-length";
    String challenge = OAuth.s256(verifier);
    String url =
        "o/oauth2/v2/auth?response_type=code&client_id="
            + YouTubeEmulator.CLIENT_ID
            + "&redirect_uri=http://127.0.0.1:9/cb&scope="
            + Scopes.YOUTUBE_READONLY
            + "&state=s1&access_type=offline&code_challenge="
            + challenge
            + "&code_challenge_method=S256";
    Map<String, String> redirect = Raw.query(consent(raw, url, 0, "allow"));
    assertThat(redirect).containsEntry("state", "s1").containsKey("code");
    String code = redirect.get("code");

    Raw.Response wrongVerifier =
        raw.form("token", tokenForm(code, "http://127.0.0.1:9/cb", "x".repeat(43)));
    assertThat(wrongVerifier.status()).isEqualTo(400);
    assertThat(wrongVerifier.json().path("error").asText()).isEqualTo("invalid_grant");
    assertThat(wrongVerifier.json().path("error_description").asText())
        .isEqualTo("Invalid code verifier.");

    // The failed exchange used the code up.
    Raw.Response reused = raw.form("token", tokenForm(code, "http://127.0.0.1:9/cb", verifier));
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().path("error").asText()).isEqualTo("invalid_grant");

    String second = Raw.query(consent(raw, url, 0, "allow")).get("code");
    Raw.Response otherRedirect =
        raw.form("token", tokenForm(second, "http://127.0.0.1:9/other", verifier));
    assertThat(otherRedirect.status()).isEqualTo(400);
    assertThat(otherRedirect.json().path("error").asText()).isEqualTo("redirect_uri_mismatch");

    String third = Raw.query(consent(raw, url, 0, "allow")).get("code");
    Raw.Response ok = raw.form("token", tokenForm(third, "http://127.0.0.1:9/cb", verifier));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("access_token").asText()).startsWith("ya29.");
    assertThat(ok.json().path("expires_in").asInt()).isEqualTo(3599);
    assertThat(ok.json().path("token_type").asText()).isEqualTo("Bearer");
    assertThat(ok.json().path("scope").asText()).isEqualTo(Scopes.YOUTUBE_READONLY);
    assertThat(ok.header("Cache-Control")).contains("no-store");
  }

  @Test
  void aPkceMismatchThroughTheClientIsInvalidGrant() {
    YouTubeClient cli = client();
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    String redirect = consent(raw(), auth.uri().toString(), 0, "allow");
    String code = Raw.query(redirect).get("code");
    // A client that did not issue the URL holds no verifier for it.
    assertThatThrownBy(() -> client().generateAccessTokenFromCode(code))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.error()).isEqualTo("invalid_grant");
              assertThat(e.errorDescription()).isEqualTo("Missing code verifier.");
            });
  }

  private static Map<String, String> tokenForm(String code, String redirectUri, String verifier) {
    return fields(
        "grant_type",
        "authorization_code",
        "code",
        code,
        "redirect_uri",
        redirectUri,
        "client_id",
        YouTubeEmulator.CLIENT_ID,
        "client_secret",
        YouTubeEmulator.CLIENT_SECRET,
        "code_verifier",
        verifier);
  }

  @Test
  void anUnknownClientOrRedirectGetsAnErrorPageNotARedirect() {
    YouTubeClient stranger =
        YouTubeClient.builder()
            .clientId("unknown.apps.googleusercontent.com")
            .clientSecret("x")
            .endpoints(EMULATOR.emulator().endpoints())
            .build();
    Raw.Response unknown = raw().get(stranger.getAuthorizeUrl().uri().toString());
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.header("Location")).isNull();
    assertThat(unknown.body()).contains("Error 401: invalid_client");

    String evil =
        client()
            .getAuthorizeUrl(
                AuthorizationOptions.builder().redirectUri("https://evil.example/cb").build())
            .uri()
            .toString();
    Raw.Response mismatch = raw().get(evil);
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.header("Location")).isNull();
    assertThat(mismatch.body()).contains("Error 400: redirect_uri_mismatch");
  }

  @Test
  void tokenEndpointErrorsAreGooglesOAuthErrors() {
    Raw raw = raw();
    Raw.Response noGrant = raw.form("token", fields("client_id", YouTubeEmulator.CLIENT_ID));
    assertThat(noGrant.status()).isEqualTo(400);
    assertThat(noGrant.json().path("error").asText()).isEqualTo("invalid_request");

    Raw.Response badGrant = raw.form("token", fields("grant_type", "password"));
    assertThat(badGrant.json().path("error").asText()).isEqualTo("unsupported_grant_type");

    Raw.Response badSecret =
        raw.form(
            "token",
            fields(
                "grant_type", "refresh_token",
                "refresh_token", "1//x",
                "client_id", YouTubeEmulator.CLIENT_ID,
                "client_secret", "wrong"));
    assertThat(badSecret.status()).isEqualTo(401);
    assertThat(badSecret.json().path("error").asText()).isEqualTo("invalid_client");

    Raw.Response badRefresh =
        raw.form(
            "token",
            fields(
                "grant_type",
                "refresh_token",
                "refresh_token",
                "1//unknown",
                "client_id",
                YouTubeEmulator.CLIENT_ID,
                "client_secret",
                YouTubeEmulator.CLIENT_SECRET));
    assertThat(badRefresh.status()).isEqualTo(400);
    assertThat(badRefresh.json().path("error").asText()).isEqualTo("invalid_grant");
    assertThat(badRefresh.json().path("error_description").asText())
        .isEqualTo("Token has been expired or revoked.");

    Raw.Response badRevoke = raw.form("revoke", fields("token", "ya29.unknown"));
    assertThat(badRevoke.status()).isEqualTo(400);
    assertThat(badRevoke.json().path("error").asText()).isEqualTo("invalid_token");
  }

  @Test
  void theDeviceFlowPollsUntilTheUserApproves() throws InterruptedException {
    Raw raw = raw();
    Raw.Response start =
        raw.form(
            "device/code",
            fields("client_id", YouTubeEmulator.CLIENT_ID, "scope", Scopes.YOUTUBE_READONLY));
    assertThat(start.status()).isEqualTo(200);
    String deviceCode = start.json().path("device_code").asText();
    String userCode = start.json().path("user_code").asText();
    assertThat(userCode).matches("[A-Z]{4}-[A-Z]{4}");
    assertThat(start.json().path("verification_url").asText())
        .isEqualTo(EMULATOR.emulator().baseUri() + "device");
    assertThat(start.json().path("expires_in").asInt()).isPositive();
    assertThat(start.json().has("interval")).isTrue();

    Map<String, String> poll =
        fields(
            "grant_type",
            "urn:ietf:params:oauth:grant-type:device_code",
            "device_code",
            deviceCode,
            "client_id",
            YouTubeEmulator.CLIENT_ID,
            "client_secret",
            YouTubeEmulator.CLIENT_SECRET);
    Raw.Response pending = raw.form("token", poll);
    assertThat(pending.status()).isEqualTo(428);
    assertThat(pending.json().path("error").asText()).isEqualTo("authorization_pending");
    Raw.Response tooFast = raw.form("token", poll);
    assertThat(tooFast.json().path("error").asText()).isEqualTo("slow_down");

    Raw.Response page = raw.get("device");
    assertThat(page.body()).contains("id=\"user-code\"", "id=\"allow\"");
    Raw.Response approved =
        raw.form("device", fields("user_code", userCode, "account", "1", "decision", "allow"));
    assertThat(approved.status()).isEqualTo(200);

    Thread.sleep(400);
    Raw.Response token = raw.form("token", poll);
    assertThat(token.status()).isEqualTo(200);
    assertThat(token.json().path("refresh_token").asText()).startsWith("1//");
    String access = token.json().path("access_token").asText();
    Raw.Response channels = raw.as(access).get("youtube/v3/channels?part=id&mine=true");
    assertThat(channels.json().path("items").get(0).path("id").asText())
        .isEqualTo(Account.BOB.channelId());

    Raw.Response again = raw.form("token", poll);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().path("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void autoApproveRedirectsAtOnceWithTheFirstAccount() {
    try (YouTubeEmulator auto = YouTubeEmulator.builder().autoApprove(true).start()) {
      YouTubeClient cli =
          YouTubeClient.builder()
              .clientId(YouTubeEmulator.CLIENT_ID)
              .clientSecret(YouTubeEmulator.CLIENT_SECRET)
              .endpoints(auto.endpoints())
              .build();
      Raw.Response answer = new Raw(auto.baseUri()).get(cli.getAuthorizeUrl().uri().toString());
      assertThat(answer.status()).isEqualTo(302);
      cli.generateAccessToken(answer.header("Location"));
      assertThat(cli.userInfo().email()).isNull();
      assertThat(cli.userInfo().sub()).isEqualTo(Account.ALICE.sub());
      assertThat(
              cli.playlists().list().mine(true).stream()
                  .map(p -> p.snippet().channelId())
                  .collect(Collectors.toSet()))
          .containsExactly(Account.ALICE.channelId());
    }
  }
}
