package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistListResponse;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Received;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import io.github.jyoutube.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed guide, step by step, over real HTTP against a loopback fake of Google. */
class SeedFlowTest {

  private final FakeGoogle google = FakeGoogle.start();

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void authorizeExchangeAndListPlaylists() throws Exception {
    google
        .enqueue("/token", Reply.json(200, Fixtures.token("ya29.access-1", "1//refresh-1", 3599)))
        .otherwise("/youtube/v3/playlists", r -> Reply.json(200, Fixtures.PLAYLISTS));

    // In [2]: cli = Client(client_id=..., client_secret=...)
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("client_id")
            .clientSecret("client-secret-xyz")
            .endpoints(google.endpoints())
            .build();

    // In [3]: cli.get_authorize_url()
    AuthorizationUrl auth = cli.getAuthorizeUrl();
    URI url = auth.uri();
    assertThat(url.getPath()).isEqualTo("/o/oauth2/v2/auth");
    String rawQuery = url.getRawQuery();
    assertThat(rawQuery)
        .startsWith(
            "response_type=code&client_id=client_id&redirect_uri=https%3A%2F%2Flocalhost%2F"
                + "&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fyoutube"
                + "+https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fuserinfo.profile"
                + "&state="
                + auth.state()
                + "&access_type=offline&prompt=select_account");
    Map<String, String> query = queryOf(rawQuery);
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", "client_id")
        .containsEntry("redirect_uri", "https://localhost/")
        .containsEntry(
            "scope",
            "https://www.googleapis.com/auth/youtube https://www.googleapis.com/auth/userinfo.profile")
        .containsEntry("state", auth.state())
        .containsEntry("access_type", "offline")
        .containsEntry("prompt", "select_account")
        .containsEntry("code_challenge_method", "S256")
        .containsKey("code_challenge");
    // At least 128 random bits: 256 bits in base64url are 43 characters.
    assertThat(Base64.getUrlDecoder().decode(auth.state())).hasSizeGreaterThanOrEqualTo(16);
    assertThat(google.received()).isEmpty();

    // In [4]: token = cli.generate_access_token(authorization_response="$redirect_url")
    String redirect =
        "https://localhost/?state="
            + auth.state()
            + "&code=4/0AX4XfWh-code&scope=https://www.googleapis.com/auth/youtube%20"
            + "https://www.googleapis.com/auth/userinfo.profile";
    AccessToken token = cli.generateAccessToken(redirect);
    assertThat(token.accessToken()).isEqualTo("ya29.access-1");
    assertThat(token.expiresIn()).isEqualTo(3599);
    assertThat(token.tokenType()).isEqualTo("Bearer");
    assertThat(token.refreshToken()).isEqualTo("1//refresh-1");
    assertThat(token.expiresAt()).isNotNull();

    Received exchange = google.received("/token").get(0);
    assertThat(exchange.method()).isEqualTo("POST");
    assertThat(exchange.header("content-type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = exchange.form();
    assertThat(form)
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", "4/0AX4XfWh-code")
        .containsEntry("redirect_uri", "https://localhost/")
        .containsEntry("client_id", "client_id")
        .containsEntry("client_secret", "client-secret-xyz")
        .containsKey("code_verifier");
    String verifier = form.get("code_verifier");
    assertThat(verifier).hasSizeBetween(43, 128);
    assertThat(query.get("code_challenge")).isEqualTo(s256(verifier));

    // In [6]: playlists = cli.playlists.list(mine=True)
    PlaylistListResponse playlists = cli.playlists().list().mine(true).execute();
    List<Playlist> items = playlists.items();
    assertThat(items).hasSize(2);
    assertThat(items.get(0).kind()).isEqualTo("youtube#playlist");
    assertThat(items.get(0).id()).isEqualTo("PLBaidt0ilCManGDIKr8UVBFZwN_UvMKvS");
    assertThat(items.get(0).snippet().title()).isEqualTo("Python tutorials");
    assertThat(items.get(1).id()).isEqualTo("PLBaidt0ilCMbUdj0EppB710c_X5OuCP2g");

    Received list = google.received("/youtube/v3/playlists").get(0);
    assertThat(list.method()).isEqualTo("GET");
    assertThat(list.header("authorization")).isEqualTo("Bearer ya29.access-1");
    assertThat(list.query())
        .containsEntry("mine", "true")
        .containsEntry("part", "contentDetails,id,localizations,player,snippet,status");
    assertThat(list.header("user-agent")).startsWith("jyoutube/");
    assertThat(list.header("accept-encoding")).isEqualTo("gzip");

    // A GET goes out as the JDK's own GET() does: with no "Content-Length: 0" where the JDK
    // leaves it out (since JDK-8283544; JDK 17 before 17.0.18 sends it either way).
    google.enqueue("/plain-get", Reply.json(200, "{}"));
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(google.baseUri().resolve("/plain-get")).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(list.header("content-length"))
        .isEqualTo(google.received("/plain-get").get(0).header("content-length"));
  }

  @Test
  void asyncCallsReturnTheSameTypedResponse() throws Exception {
    google.otherwise("/youtube/v3/playlists", r -> Reply.json(200, Fixtures.PLAYLISTS));
    YouTubeClient cli =
        YouTubeClient.builder().accessToken("ya29.static").endpoints(google.endpoints()).build();

    PlaylistListResponse response =
        cli.playlists().list().id("PLBaidt0ilCManGDIKr8UVBFZwN_UvMKvS").executeAsync().get();

    assertThat(response.items()).extracting(Playlist::id).hasSize(2);
    assertThat(google.received("/youtube/v3/playlists").get(0).query())
        .containsEntry("id", "PLBaidt0ilCManGDIKr8UVBFZwN_UvMKvS");
  }

  private static Map<String, String> queryOf(String raw) {
    Map<String, String> params = new java.util.LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String s256(String verifier) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }
}
