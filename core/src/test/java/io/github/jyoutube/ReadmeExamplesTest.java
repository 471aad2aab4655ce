package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.auth.AuthorizationOptions;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.model.PlaylistStatus;
import io.github.jyoutube.model.VideoListResponse;
import io.github.jyoutube.resource.SearchResource;
import io.github.jyoutube.resource.VideosResource;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's examples compile and send what the README says they send. */
class ReadmeExamplesTest {

  private final FakeGoogle google = FakeGoogle.start();
  private final YouTubeClient cli =
      YouTubeClient.builder().accessToken("ya29.readme").endpoints(google.endpoints()).build();

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void theWholeApiSection() {
    google.otherwise("/youtube/v3/videos", r -> Reply.json(200, "{\"items\":[]}"));
    google.otherwise("/youtube/v3/search", r -> Reply.json(200, "{\"items\":[]}"));
    google.otherwise("/youtube/v3/videos/rate", r -> Reply.of(204, "text/plain", ""));
    google.otherwise("/youtube/v3/captions", r -> Reply.json(200, "{\"items\":[]}"));

    VideoListResponse popular =
        cli.videos()
            .list()
            .chart(VideosResource.Chart.MOST_POPULAR)
            .regionCode("JP")
            .maxResults(10)
            .execute();
    cli.search()
        .list()
        .q("java records")
        .type("video")
        .order(SearchResource.Order.DATE)
        .publishedAfter(Instant.parse("2026-01-01T00:00:00Z"))
        .execute();
    cli.videos().rate("dQw4w9WgXcQ", VideosResource.Rating.LIKE).execute();
    cli.captions().list("dQw4w9WgXcQ").execute();

    assertThat(popular.items()).isEmpty();
    assertThat(google.received("/youtube/v3/videos").get(0).query())
        .containsEntry("chart", "mostPopular")
        .containsEntry("regionCode", "JP")
        .containsEntry("maxResults", "10");
    assertThat(google.received("/youtube/v3/search").get(0).query())
        .containsEntry("q", "java records")
        .containsEntry("order", "date")
        .containsEntry("publishedAfter", "2026-01-01T00:00:00Z");
    assertThat(google.received("/youtube/v3/videos/rate").get(0).query())
        .containsEntry("id", "dQw4w9WgXcQ")
        .containsEntry("rating", "like");
    assertThat(google.received("/youtube/v3/captions").get(0).query())
        .containsEntry("videoId", "dQw4w9WgXcQ");
    assertThat(cli.quota().spentToday(QuotaBucket.SEARCH)).isEqualTo(1);
  }

  @Test
  void captionsAskForTheForceSslScope() {
    YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("your client id")
            .clientSecret("your client secret")
            .endpoints(google.endpoints())
            .build();
    AuthorizationUrl auth =
        cli.getAuthorizeUrl(
            AuthorizationOptions.builder()
                .scopes(Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL, Scopes.USERINFO_PROFILE)
                .build());
    assertThat(auth.uri().toString())
        .contains(
            "scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fyoutube"
                + "+https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fyoutube.force-ssl"
                + "+https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fuserinfo.profile");
  }

  @Test
  void conditionalReadsAndWrites() {
    google.otherwise("/youtube/v3/videos", r -> new Reply(304, java.util.Map.of(), new byte[0], 0));
    google.otherwise("/youtube/v3/playlists", r -> Reply.json(200, r.body()));

    Optional<VideoListResponse> changed =
        cli.videos().list().id("dQw4w9WgXcQ").ifNoneMatch("etag-1").executeIfModified();
    Playlist created =
        cli.playlists()
            .insert(
                Playlist.builder()
                    .snippet(PlaylistSnippet.builder().title("Road trip").build())
                    .status(
                        PlaylistStatus.builder()
                            .privacyStatus(PlaylistStatus.PrivacyStatus.PRIVATE)
                            .build())
                    .build())
            .execute();

    assertThat(changed).isEmpty();
    assertThat(created.status().privacyStatus()).isSameAs(PlaylistStatus.PrivacyStatus.PRIVATE);
    assertThat(google.received("/youtube/v3/playlists").get(0).query())
        .containsEntry("part", "snippet,status");
  }
}
