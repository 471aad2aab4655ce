package io.github.jyoutube.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.AuthorizationDeniedException;
import io.github.jyoutube.error.InvalidStateException;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import io.github.jyoutube.testing.RecordingSleeper;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every bad redirect is refused with a typed error, and state problems before any request. */
class AuthorizationRedirectTest {

  private final FakeGoogle google = FakeGoogle.start();
  private final YouTubeClient cli =
      YouTubeClient.builder()
          .clientId("client_id")
          .clientSecret("s3cret-value")
          .endpoints(google.endpoints())
          .sleeper(new RecordingSleeper())
          .build();

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void wrongStateIsRefusedBeforeAnyRequest() {
    cli.getAuthorizeUrl();
    assertThatThrownBy(
            () -> cli.generateAccessToken("https://localhost/?state=forged&code=4/secret-code"))
        .isInstanceOf(InvalidStateException.class)
        .hasMessageContaining("not issued by this client")
        .hasMessageNotContaining("4/secret-code");
    assertThat(google.received()).isEmpty();
  }

  @Test
  void missingStateIsRefusedBeforeAnyRequest() {
    cli.getAuthorizeUrl();
    assertThatThrownBy(() -> cli.generateAccessToken("https://localhost/?code=4/secret-code"))
        .isInstanceOf(InvalidStateException.class)
        .hasMessageContaining("no state")
        .hasMessageNotContaining("4/secret-code");
    assertThat(google.received()).isEmpty();
  }

  @Test
  void aStateIsAcceptedOnlyOnce() {
    google.otherwise("/token", r -> Reply.json(200, Fixtures.token("ya29.a", null, 3600)));
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    String redirect = "https://localhost/?state=" + auth.state() + "&code=c1";
    cli.generateAccessToken(redirect);
    assertThatThrownBy(() -> cli.generateAccessToken(redirect))
        .isInstanceOf(InvalidStateException.class);
    assertThat(google.received("/token")).hasSize(1);
  }

  @Test
  void accessDeniedRaisesAuthorizationDenied() {
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    assertThatThrownBy(
            () ->
                cli.generateAccessToken(
                    "https://localhost/?error=access_denied&state=" + auth.state()))
        .isInstanceOfSatisfying(
            AuthorizationDeniedException.class,
            e -> assertThat(e.error()).isEqualTo("access_denied"));
    assertThat(google.received()).isEmpty();
  }

  @Test
  void aRedirectWithoutCodeSaysSo() {
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    assertThatThrownBy(() -> cli.generateAccessToken("https://localhost/?state=" + auth.state()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no 'code'");
  }

  @Test
  void garbageIsNotAUrl() {
    cli.getAuthorizeUrl();
    assertThatThrownBy(() -> cli.generateAccessToken("not a url %% at all code=4/abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid URL")
        .hasMessageNotContaining("4/abc");
    assertThatThrownBy(() -> cli.generateAccessToken("localhost/?code=4/abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an absolute URL");
    assertThatThrownBy(() -> cli.generateAccessToken("https://localhost/?code=%zz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid URL");
  }

  @Test
  void invalidGrantFromTheTokenEndpointIsAnOAuthException() {
    google.enqueue(
        "/token",
        Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}"));
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    assertThatThrownBy(
            () -> cli.generateAccessToken("https://localhost/?state=" + auth.state() + "&code=x"))
        .isExactlyInstanceOf(OAuthException.class)
        .hasMessage("invalid_grant: Bad Request")
        .satisfies(
            e -> {
              OAuthException oauth = (OAuthException) e;
              assertThat(oauth.error()).isEqualTo("invalid_grant");
              assertThat(oauth.errorDescription()).isEqualTo("Bad Request");
              assertThat(oauth.statusCode()).isEqualTo(400);
            });
    assertThat(google.received("/token")).hasSize(1);
  }

  @Test
  void theCodeExchangeIsNeverSentTwice() {
    // A 503 after the POST reached the server: retrying could replay the one-shot code.
    google.enqueue("/token", Reply.of(503, "text/html", "<html>unavailable</html>"));
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    assertThatThrownBy(
            () -> cli.generateAccessToken("https://localhost/?state=" + auth.state() + "&code=x"))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              // Not Google's OAuth error format: the status alone, the page not quoted.
              assertThat(e.error()).isEqualTo("http_503");
              assertThat(e.statusCode()).isEqualTo(503);
              assertThat(e.getMessage()).doesNotContain("unavailable</html>");
            });
    assertThat(google.received("/token")).hasSize(1);
  }

  @Test
  void aBareCodeUsesTheLatestVerifier() {
    google.otherwise("/token", r -> Reply.json(200, Fixtures.token("ya29.b", null, 3600)));
    cli.getAuthorizeUrl(
        AuthorizationOptions.builder().redirectUri("http://127.0.0.1:9/cb").build());
    AccessToken token = cli.generateAccessTokenFromCode("4/bare");
    assertThat(token.accessToken()).isEqualTo("ya29.b");
    assertThat(google.received("/token").get(0).form())
        .containsEntry("code", "4/bare")
        .containsEntry("redirect_uri", "http://127.0.0.1:9/cb")
        .containsKey("code_verifier");
  }

  @Test
  void optionsReachTheUrl() {
    AuthorizationUrl auth =
        cli.getAuthorizeUrl(
            AuthorizationOptions.builder()
                .scopes(Scopes.YOUTUBE_READONLY)
                .state("my-state")
                .accessType("online")
                .prompt("consent")
                .loginHint("user@example.com")
                .includeGrantedScopes(true)
                .pkce(false)
                .build());
    assertThat(auth.state()).isEqualTo("my-state");
    assertThat(auth.uri().toString())
        .contains("scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fyoutube.readonly&")
        .contains("state=my-state&access_type=online&prompt=consent")
        .contains("login_hint=user%40example.com&include_granted_scopes=true")
        .doesNotContain("code_challenge");
  }

  @Test
  void theUrlIsAUriOfTheConsentPageCarryingTheState() {
    AuthorizationUrl auth =
        cli.getAuthorizeUrl(AuthorizationOptions.builder().state("a b&c=d/é").build());
    URI consent = google.endpoints().authorization();

    assertThat(auth.uri().isAbsolute()).isTrue();
    assertThat(auth.uri().getScheme()).isEqualTo(consent.getScheme());
    assertThat(auth.uri().getAuthority()).isEqualTo(consent.getAuthority());
    assertThat(auth.uri().getPath()).isEqualTo(consent.getPath());
    assertThat(auth.uri()).hasParameter("state", "a b&c=d/é").hasParameter("response_type", "code");
    assertThat(HttpRequest.newBuilder(auth.uri()).build().uri()).isEqualTo(auth.uri());
  }
}
