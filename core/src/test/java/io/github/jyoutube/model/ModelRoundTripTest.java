package io.github.jyoutube.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.Json;
import io.github.jyoutube.paging.Page;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads realistic API bodies into the generated records and writes them back unchanged. */
class ModelRoundTripTest {

  private static final String PLAYLISTS =
      """
      {
        "kind": "youtube#playlistListResponse",
        "etag": "tag-list",
        "nextPageToken": "CAIQAA",
        "pageInfo": {"totalResults": 7, "resultsPerPage": 2},
        "items": [
          {
            "kind": "youtube#playlist",
            "etag": "tag-1",
            "id": "PLa",
            "snippet": {
              "publishedAt": "2024-01-02T03:04:05Z",
              "channelId": "UCx",
              "title": "Road trip",
              "description": "Songs & <stuff>",
              "thumbnails": {
                "default": {"url": "https://i.ytimg.com/vi/a/default.jpg", "width": 120, "height": 90},
                "medium": {"url": "https://i.ytimg.com/vi/a/mqdefault.jpg", "width": 320, "height": 180}
              },
              "channelTitle": "Me",
              "defaultLanguage": "en",
              "localized": {"title": "Road trip", "description": "Songs"}
            },
            "status": {"privacyStatus": "private"},
            "contentDetails": {"itemCount": 5},
            "localizations": {
              "en": {"title": "Road trip", "description": "Songs"},
              "de": {"title": "Reise", "description": "Lieder"}
            }
          },
          {
            "kind": "youtube#playlist",
            "etag": "tag-2",
            "id": "PLb",
            "snippet": {
              "publishedAt": "2023-12-31T23:59:59.5+01:00",
              "title": "Empty",
              "thumbnails": {}
            },
            "status": {"privacyStatus": "public", "podcastStatus": "disabled"}
          }
        ]
      }
      """;

  private static final String VIDEOS =
      """
      {
        "kind": "youtube#videoListResponse",
        "etag": "tag-videos",
        "regionCode": "US",
        "items": [
          {
            "kind": "youtube#video",
            "etag": "tag-v",
            "id": "dQw4w9WgXcQ",
            "snippet": {
              "publishedAt": "2009-10-25T06:57:33Z",
              "channelId": "UCu",
              "title": "A song",
              "tags": ["music", "80s"],
              "categoryId": "10",
              "liveBroadcastContent": "none",
              "thumbnails": {
                "default": {"url": "https://i.ytimg.com/vi/v/default.jpg", "width": 120, "height": 90},
                "holographic": {"url": "https://i.ytimg.com/vi/v/holo.jpg", "layers": [1, 2.5]}
              },
              "aiSummary": {"text": "a song", "confidence": 0.75, "flags": [true, null]}
            },
            "contentDetails": {
              "duration": "PT3M33S",
              "dimension": "2d",
              "definition": "hd",
              "caption": "false",
              "licensedContent": true,
              "contentRating": {"mpaaRating": "mpaaPg", "djctqRatingReasons": ["djctqViolence", "djctqFuture"]},
              "projection": "360",
              "regionRestriction": {"allowed": ["US", "DE"]}
            },
            "statistics": {
              "viewCount": "18446744073709551615",
              "likeCount": "17000000",
              "favoriteCount": "0",
              "commentCount": "2300000",
              "shareCount": "12"
            },
            "status": {
              "uploadStatus": "processed",
              "privacyStatus": "membersOnly",
              "license": "youtube",
              "embeddable": true,
              "publicStatsViewable": true,
              "madeForKids": false,
              "publishAt": "2009-10-25T07:00:00Z",
              "retiredFlag": null
            },
            "player": {"embedHtml": "<iframe></iframe>", "embedHeight": "360", "embedWidth": "640"},
            "brandNewPart": {"x": 1, "y": ["a", "b"]}
          }
        ]
      }
      """;

  @Test
  void playlistListResponseRoundTrips() {
    PlaylistListResponse resp = Json.parse(PLAYLISTS, PlaylistListResponse.class);

    assertThat(resp.nextPageToken()).isEqualTo("CAIQAA");
    assertThat(resp.pageInfo().totalResults()).isEqualTo(7);
    assertThat(resp.items()).hasSize(2);
    Page<Playlist> page = resp;
    assertThat(page.items()).isSameAs(resp.items());

    Playlist first = resp.items().get(0);
    assertThat(first.id()).isEqualTo("PLa");
    assertThat(first.snippet().title()).isEqualTo("Road trip");
    assertThat(first.snippet().description()).isEqualTo("Songs & <stuff>");
    assertThat(first.snippet().publishedAt())
        .isEqualTo(DateTime.of(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
    assertThat(first.snippet().thumbnails().defaultValue().url())
        .isEqualTo("https://i.ytimg.com/vi/a/default.jpg");
    assertThat(first.snippet().thumbnails().defaultValue().width()).isEqualTo(120L);
    assertThat(first.snippet().thumbnails().medium().height()).isEqualTo(180L);
    assertThat(first.snippet().thumbnails().high()).isNull();
    assertThat(first.localizations()).containsOnlyKeys("en", "de");
    assertThat(first.localizations().get("de").title()).isEqualTo("Reise");
    assertThat(first.contentDetails().itemCount()).isEqualTo(5L);
    assertThat(first.status().privacyStatus()).isSameAs(PlaylistStatus.PrivacyStatus.PRIVATE);
    assertThat(first.status().privacyStatus().isKnown()).isTrue();
    assertThat(first.status().podcastStatus()).isNull();
    assertThat(first.additionalProperties()).isEmpty();

    Playlist second = resp.items().get(1);
    assertThat(second.snippet().publishedAt().toOffsetDateTime().getOffset())
        .isEqualTo(ZoneOffset.ofHours(1));
    assertThat(second.status().privacyStatus() == PlaylistStatus.PrivacyStatus.PUBLIC).isTrue();
    assertThat(second.status().podcastStatus()).isEqualTo(PlaylistStatus.PodcastStatus.DISABLED);
    assertThat(second.snippet().thumbnails().defaultValue()).isNull();
    assertThat(second.localizations()).isNull();

    assertThat(Json.tree(Json.write(resp))).isEqualTo(Json.tree(PLAYLISTS));
  }

  @Test
  void videoListResponseKeepsUnknownPropertiesAndEnumValues() {
    VideoListResponse resp = Json.parse(VIDEOS, VideoListResponse.class);

    assertThat(resp.additionalProperties()).containsExactly(Map.entry("regionCode", "US"));
    assertThat(resp.nextPageToken()).isNull();
    Video video = resp.items().get(0);
    assertThat(video.additionalProperties()).containsOnlyKeys("brandNewPart");
    assertThat(video.additionalProperties().get("brandNewPart"))
        .isEqualTo(Map.of("x", 1, "y", List.of("a", "b")));

    VideoSnippet snippet = video.snippet();
    assertThat(snippet.tags()).containsExactly("music", "80s");
    assertThat(snippet.liveBroadcastContent()).isSameAs(VideoSnippet.LiveBroadcastContent.NONE);
    assertThat(snippet.additionalProperties()).containsOnlyKeys("aiSummary");
    assertThat(snippet.thumbnails().additionalProperties()).containsOnlyKeys("holographic");

    VideoStatistics statistics = video.statistics();
    assertThat(statistics.viewCount()).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(statistics.likeCount()).isEqualTo(BigInteger.valueOf(17_000_000));
    assertThat(statistics.favoriteCount()).isEqualTo(BigInteger.ZERO);
    assertThat(statistics.additionalProperties()).containsExactly(Map.entry("shareCount", "12"));

    VideoContentDetails details = video.contentDetails();
    assertThat(details.caption()).isSameAs(VideoContentDetails.Caption.FALSE);
    assertThat(details.definition()).isSameAs(VideoContentDetails.Definition.HD);
    assertThat(details.projection()).isSameAs(VideoContentDetails.Projection.PROJECTION_360);
    assertThat(details.licensedContent()).isTrue();
    assertThat(details.regionRestriction().allowed()).containsExactly("US", "DE");
    assertThat(details.contentRating().mpaaRating()).isSameAs(ContentRating.MpaaRating.MPAA_PG);
    List<ContentRating.DjctqRatingReasons> reasons = details.contentRating().djctqRatingReasons();
    assertThat(reasons.get(0)).isSameAs(ContentRating.DjctqRatingReasons.DJCTQ_VIOLENCE);
    assertThat(reasons.get(1).isKnown()).isFalse();
    assertThat(reasons.get(1).value()).isEqualTo("djctqFuture");

    VideoStatus status = video.status();
    assertThat(status.uploadStatus()).isSameAs(VideoStatus.UploadStatus.PROCESSED);
    assertThat(status.privacyStatus().isKnown()).isFalse();
    assertThat(status.privacyStatus().value()).isEqualTo("membersOnly");
    assertThat(status.privacyStatus().toString()).isEqualTo("membersOnly");
    assertThat(status.privacyStatus()).isEqualTo(VideoStatus.PrivacyStatus.of("membersOnly"));
    assertThat(status.privacyStatus()).isNotEqualTo(VideoStatus.PrivacyStatus.PRIVATE);
    assertThat(VideoStatus.PrivacyStatus.values())
        .doesNotContain(status.privacyStatus())
        .contains(VideoStatus.PrivacyStatus.PRIVATE);
    assertThat(status.madeForKids()).isFalse();
    assertThat(status.additionalProperties()).containsEntry("retiredFlag", null);
    assertThat(status.selfDeclaredMadeForKids()).isNull();

    assertThat(video.player().embedHeight()).isEqualTo(360L);
    assertThat(video.player().embedHtml()).isEqualTo("<iframe></iframe>");

    assertThat(Json.tree(Json.write(resp))).isEqualTo(Json.tree(VIDEOS));
  }

  @Test
  void int64AndUint64AreWrittenAsStrings() {
    String json =
        Json.write(
            VideoPlayer.builder()
                .embedHeight(360L)
                .embedWidth(640L)
                .additionalProperty("future", 1)
                .build());
    assertThat(json).isEqualTo("{\"embedHeight\":\"360\",\"embedWidth\":\"640\",\"future\":1}");
    assertThat(Json.write(Json.parse("{\"viewCount\":\"5\"}", VideoStatistics.class)))
        .isEqualTo("{\"viewCount\":\"5\"}");
  }

  @Test
  void componentsNamedLikeGettersKeepTheirJsonNames() {
    String body = "{\"isAutoSynced\":true,\"isCC\":false,\"isDraft\":true,\"language\":\"en\"}";
    CaptionSnippet snippet = Json.parse(body, CaptionSnippet.class);
    assertThat(snippet.isDraft()).isTrue();
    assertThat(snippet.isCC()).isFalse();
    assertThat(Json.tree(Json.write(snippet))).isEqualTo(Json.tree(body));
  }

  @Test
  void schemaWithoutPropertiesKeepsEverything() {
    String body = "{\"a\":1,\"b\":{\"c\":[true]}}";
    TokenPagination parsed = Json.parse(body, TokenPagination.class);
    assertThat(parsed.additionalProperties()).containsOnlyKeys("a", "b");
    assertThat(Json.tree(Json.write(parsed))).isEqualTo(Json.tree(body));
    assertThat(Json.write(Json.parse("{}", TokenPagination.class))).isEqualTo("{}");
  }

  @Test
  void inlineObjectPropertyIsANestedRecord() {
    String body = "{\"relatedPlaylists\":{\"likes\":\"LL\",\"uploads\":\"UU\"}}";
    ChannelContentDetails details = Json.parse(body, ChannelContentDetails.class);
    assertThat(details.relatedPlaylists().uploads()).isEqualTo("UU");
    assertThat(Json.tree(Json.write(details))).isEqualTo(Json.tree(body));
  }

  @Test
  void builderWritesOnlyWhatWasSet() {
    Playlist playlist =
        Playlist.builder().snippet(PlaylistSnippet.builder().title("t").build()).build();
    assertThat(Json.write(playlist)).isEqualTo("{\"snippet\":{\"title\":\"t\"}}");

    Playlist changed =
        playlist.toBuilder()
            .status(
                PlaylistStatus.builder()
                    .privacyStatus(PlaylistStatus.PrivacyStatus.UNLISTED)
                    .build())
            .snippet(
                playlist.snippet().toBuilder()
                    .tags(List.of("a"))
                    .additionalProperty("newField", "x")
                    .build())
            .build();
    assertThat(Json.tree(Json.write(changed)))
        .isEqualTo(
            Json.tree(
                "{\"snippet\":{\"tags\":[\"a\"],\"title\":\"t\",\"newField\":\"x\"},"
                    + "\"status\":{\"privacyStatus\":\"unlisted\"}}"));
    assertThat(playlist.status()).isNull();
  }

  @Test
  void collectionsAreUnmodifiableCopies() {
    List<String> tags = new java.util.ArrayList<>(List.of("a"));
    tags.add(null);
    PlaylistSnippet snippet = PlaylistSnippet.builder().tags(tags).build();
    tags.add("b");
    assertThat(snippet.tags()).containsExactly("a", null);
    assertThatThrownBy(() -> snippet.tags().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> snippet.additionalProperties().put("k", "v"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(
            new PlaylistSnippet(null, null, null, null, null, null, null, null, null, null, null)
                .additionalProperties())
        .isEmpty();

    PlaylistListResponse resp = Json.parse(PLAYLISTS, PlaylistListResponse.class);
    assertThatThrownBy(() -> resp.items().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> resp.items().get(0).localizations().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void enumsAreExtensible() {
    assertThat(PlaylistStatus.PrivacyStatus.of("public"))
        .isSameAs(PlaylistStatus.PrivacyStatus.PUBLIC);
    assertThat(PlaylistStatus.PrivacyStatus.values())
        .containsExactly(
            PlaylistStatus.PrivacyStatus.PUBLIC,
            PlaylistStatus.PrivacyStatus.UNLISTED,
            PlaylistStatus.PrivacyStatus.PRIVATE);
    ApiEnum unknown = PlaylistStatus.PrivacyStatus.of("membersOnly");
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown).isEqualTo(PlaylistStatus.PrivacyStatus.of("membersOnly"));
    assertThat(unknown.hashCode())
        .isEqualTo(PlaylistStatus.PrivacyStatus.of("membersOnly").hashCode());
    // Same value, different enum class: not equal.
    assertThat((Object) VideoStatus.PrivacyStatus.PUBLIC)
        .isNotEqualTo(PlaylistStatus.PrivacyStatus.PUBLIC);
    assertThat(Json.write(Map.of("s", unknown))).isEqualTo("{\"s\":\"membersOnly\"}");
    assertThatThrownBy(() -> PlaylistStatus.PrivacyStatus.of(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void dateTimesKeepTheTextTheApiSent() {
    // Live chat sends microseconds and "+00:00"; videos send whole seconds and "Z".
    String body =
        """
        {"snippet":{"type":"textMessageEvent","publishedAt":"2021-03-05T05:31:24.749548+00:00",
         "displayMessage":"hi"},"authorDetails":{"displayName":"a"}}""";

    LiveChatMessage message = Json.parse(body, LiveChatMessage.class);

    DateTime published = message.snippet().publishedAt();
    assertThat(published.value()).isEqualTo("2021-03-05T05:31:24.749548+00:00");
    assertThat(published.toInstant())
        .isEqualTo(java.time.Instant.parse("2021-03-05T05:31:24.749548Z"));
    assertThat(published).isNotEqualTo(DateTime.of(published.toInstant()));
    assertThat(published.compareTo(DateTime.of(published.toInstant()))).isNotZero();
    assertThat(Json.tree(Json.write(message))).isEqualTo(Json.tree(body));
    assertThat(
            Json.write(
                PlaylistSnippet.builder()
                    .publishedAt(java.time.Instant.parse("2024-01-02T03:04:05Z"))
                    .build()))
        .isEqualTo("{\"publishedAt\":\"2024-01-02T03:04:05Z\"}");
  }
}
