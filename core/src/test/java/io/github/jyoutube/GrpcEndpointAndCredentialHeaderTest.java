package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.CredentialHeader;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.testing.FakeGoogle;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gRPC target of live chat streaming in {@link Endpoints}, and the credential as a header for
 * transports other than the client's HTTP calls.
 */
class GrpcEndpointAndCredentialHeaderTest {

  @Test
  void googleIsTheDefaultGrpcTargetWithTls() {
    assertThat(Endpoints.google().grpc())
        .isEqualTo(URI.create("https://youtube.googleapis.com:443"));
    Endpoints google = Endpoints.google();
    Endpoints eight =
        new Endpoints(
            google.authorization(),
            google.token(),
            google.revoke(),
            google.deviceCode(),
            google.userInfo(),
            google.api(),
            google.upload(),
            google.hub());
    assertThat(eight).isEqualTo(google);
  }

  @Test
  void atABaseTargetsItsHostAndPortAndWithGrpcMovesIt() {
    Endpoints at = Endpoints.at("http://127.0.0.1:8080/emulator/");
    assertThat(at.grpc()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(Endpoints.at("https://fake.example/").grpc())
        .isEqualTo(URI.create("https://fake.example:443"));
    Endpoints moved = at.withGrpc(URI.create("http://localhost:9090/ignored"));
    assertThat(moved.grpc()).isEqualTo(URI.create("http://localhost:9090"));
    assertThat(moved.api()).isEqualTo(at.api());
    assertThat(moved.withHub(URI.create("https://hub.example/")).grpc()).isEqualTo(moved.grpc());
    assertThat(Endpoints.at("http://[::1]:7000/").grpc())
        .isEqualTo(URI.create("http://[::1]:7000"));
  }

  @Test
  void plainTextGrpcOnlyOnLoopback() {
    Endpoints google = Endpoints.google();
    for (String refused :
        List.of("http://example.com:9000", "http://10.0.0.1:9000", "http://127.0.0.1.nip.io:1")) {
      assertThatThrownBy(() -> google.withGrpc(URI.create(refused)))
          .as(refused)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("grpc endpoint must use https");
    }
    assertThatThrownBy(() -> google.withGrpc(URI.create("youtube.googleapis.com:443")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grpc");
  }

  @Test
  void aTokenTravelsAsAuthorizationAndAnApiKeyAsXGoogApiKeyNeverShown() {
    YouTubeClient withToken = YouTubeClient.builder().accessToken("ya29.secret-token").build();
    CredentialHeader bearer = withToken.credentialHeader();
    assertThat(bearer.name()).isEqualTo("authorization");
    assertThat(bearer.value()).isEqualTo("Bearer ya29.secret-token");
    assertThat(bearer.isApiKey()).isFalse();
    assertThat(bearer.toString()).doesNotContain("secret");
    // No refresh token: the same typed signal as a rejected API call gives, without the token.
    assertThatThrownBy(() -> withToken.renewCredential(bearer))
        .isInstanceOf(ReauthorizationRequiredException.class)
        .hasMessageContaining("no refresh token")
        .hasMessageNotContaining("secret");

    YouTubeClient withKey = YouTubeClient.builder().apiKey("AIza-secret-key").build();
    CredentialHeader key = withKey.credentialHeader();
    assertThat(key.name()).isEqualTo("x-goog-api-key");
    assertThat(key.value()).isEqualTo("AIza-secret-key");
    assertThat(key.toString()).doesNotContain("secret");
    assertThat(withKey.renewCredential(key)).isFalse();
  }

  @Test
  void rejectedTokenIsRefreshedOnceHoweverManyReportIt() throws Exception {
    try (FakeGoogle google = FakeGoogle.start()) {
      google.otherwise(
          "/token",
          r ->
              FakeGoogle.Reply.json(
                      200,
                      "{\"access_token\":\"ya29.fresh\",\"expires_in\":3599,"
                          + "\"token_type\":\"Bearer\"}")
                  .delayed(200));
      YouTubeClient cli =
          YouTubeClient.builder()
              .clientId("id")
              .clientSecret("secret")
              .endpoints(google.endpoints())
              .accessToken(
                  new AccessToken(
                      "ya29.stale",
                      3599L,
                      "Bearer",
                      "1//refresh",
                      null,
                      null,
                      Instant.now().plusSeconds(3599)))
              .build();
      CredentialHeader stale = cli.credentialHeader();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> renewed = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        renewed.add(
            pool.submit(
                () -> {
                  start.await();
                  return cli.renewCredential(stale);
                }));
      }
      start.countDown();
      for (Future<Boolean> each : renewed) {
        assertThat(each.get(10, TimeUnit.SECONDS)).isTrue();
      }
      pool.shutdown();
      assertThat(google.received("/token")).hasSize(1);
      assertThat(cli.credentialHeader().value()).isEqualTo("Bearer ya29.fresh");
    }
  }
}
