package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.TokenStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building a client: what it needs, what it refuses, and what it reads. */
class ClientBuilderTest {

  @Test
  void noCredentialSaysWhatIsMissing() {
    assertThatThrownBy(() -> YouTubeClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no usable credential")
        .hasMessageContaining("clientId and clientSecret")
        .hasMessageContaining("apiKey");
  }

  @Test
  void aClientIdNeedsItsSecret() {
    assertThatThrownBy(() -> YouTubeClient.builder().clientId("id").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientSecret is missing");
    assertThatThrownBy(() -> YouTubeClient.builder().clientSecret("s").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientId is missing");
    assertThatThrownBy(() -> YouTubeClient.builder().refreshToken("1//r").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refreshToken needs clientId and clientSecret");
  }

  @Test
  void anyOneCredentialIsEnough() {
    assertThat(YouTubeClient.builder().apiKey("AIza-key").build()).isNotNull();
    assertThat(YouTubeClient.builder().accessToken("ya29.x").build().accessToken()).isPresent();
    TokenStore store = TokenStore.inMemory();
    store.save(AccessToken.of("ya29.stored"));
    assertThat(YouTubeClient.builder().tokenStore(store).build().accessToken())
        .get()
        .extracting(AccessToken::accessToken)
        .isEqualTo("ya29.stored");
  }

  @Test
  void apiCallsWithoutATokenSayHowToGetOne() {
    YouTubeClient cli = YouTubeClient.builder().clientId("id").clientSecret("secret").build();
    assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("generateAccessToken");
  }

  @Test
  void oauthWithoutAClientIdSaysSo() {
    YouTubeClient cli = YouTubeClient.builder().apiKey("AIza-key").build();
    assertThatThrownBy(cli::getAuthorizeUrl)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no clientId");
  }

  @Test
  void clientSecretsFileGivesIdSecretAndRedirect(@TempDir Path dir) throws Exception {
    Path installed = dir.resolve("client_secret.json");
    Files.writeString(
        installed,
        """
        {"installed":{"client_id":"123.apps.googleusercontent.com","project_id":"p",
         "auth_uri":"https://accounts.google.com/o/oauth2/auth",
         "token_uri":"https://oauth2.googleapis.com/token",
         "client_secret":"GOCSPX-secret","redirect_uris":["http://localhost:8080/cb","http://x"]}}
        """);
    YouTubeClient cli = YouTubeClient.builder().clientSecretsFile(installed).build();
    String url = cli.getAuthorizeUrl().uri().toString();
    assertThat(url)
        .contains("client_id=123.apps.googleusercontent.com")
        .contains("redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcb")
        .doesNotContain("GOCSPX-secret");

    Path web = dir.resolve("web.json");
    Files.writeString(web, "{\"web\":{\"client_id\":\"w\",\"client_secret\":\"s\"}}");
    assertThat(
            YouTubeClient.builder()
                .clientSecretsFile(web)
                .build()
                .getAuthorizeUrl()
                .uri()
                .toString())
        .contains("client_id=w&redirect_uri=https%3A%2F%2Flocalhost%2F");

    Path wrong = dir.resolve("wrong.json");
    Files.writeString(wrong, "{\"other\":{}}");
    assertThatThrownBy(() -> YouTubeClient.builder().clientSecretsFile(wrong).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither a \"web\" nor an \"installed\"");
  }

  @Test
  void endpointsRefusePlainHttpOffLoopback() {
    assertThatThrownBy(() -> Endpoints.at("http://example.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use https");
    assertThatThrownBy(() -> Endpoints.at("http://10.0.0.1/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Endpoints.at("http://localhost:8080").api())
        .isEqualTo(URI.create("http://localhost:8080/youtube/v3/"));
    assertThat(Endpoints.at("http://[::1]:9/").token())
        .isEqualTo(URI.create("http://[::1]:9/token"));
    Endpoints base = Endpoints.at("https://fake.example/base/");
    assertThat(base.authorization())
        .isEqualTo(URI.create("https://fake.example/base/o/oauth2/v2/auth"));
    assertThat(base.revoke()).isEqualTo(URI.create("https://fake.example/base/revoke"));
    assertThat(base.deviceCode()).isEqualTo(URI.create("https://fake.example/base/device/code"));
    assertThat(base.userInfo()).isEqualTo(URI.create("https://fake.example/base/v1/userinfo"));
    assertThat(base.upload()).isEqualTo(URI.create("https://fake.example/base/upload/youtube/v3/"));
    assertThat(Endpoints.google().token())
        .isEqualTo(URI.create("https://oauth2.googleapis.com/token"));
  }

  @Test
  void badSettingsAreRefusedAtOnce() {
    assertThatThrownBy(() -> YouTubeClient.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> YouTubeClient.builder().requestTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestTimeout");
  }
}
