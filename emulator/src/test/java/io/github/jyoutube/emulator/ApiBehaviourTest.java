package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jyoutube.Json;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.error.NotFoundException;
import io.github.jyoutube.model.ChannelListResponse;
import io.github.jyoutube.model.CommentThreadListResponse;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistItemListResponse;
import io.github.jyoutube.model.PlaylistListResponse;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.model.PlaylistStatus;
import io.github.jyoutube.model.SearchListResponse;
import io.github.jyoutube.model.VideoListResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lists, paging, parts, etags and writes, over real HTTP. */
@ExtendWith(YouTubeEmulatorExtension.class)
class ApiBehaviourTest {

  private YouTubeEmulator emulator;
  private Raw alice;
  private Raw bob;
  private YouTubeClient cli;

  @BeforeEach
  void setUp(YouTubeEmulator emulator) {
    this.emulator = emulator;
    alice =
        new Raw(emulator.baseUri())
            .as(
                emulator.accessToken(
                    Account.ALICE,
                    Scopes.YOUTUBE,
                    Scopes.YOUTUBE_FORCE_SSL,
                    Scopes.YOUTUBE_CHANNEL_MEMBERSHIPS_CREATOR));
    bob =
        new Raw(emulator.baseUri())
            .as(emulator.accessToken(Account.BOB, Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL));
    cli =
        YouTubeClient.builder()
            .accessToken(emulator.accessToken(Account.ALICE))
            .endpoints(emulator.endpoints())
            .build();
  }

  @Test
  void pagesWalkForwardAndBackWithTheApisBounds() {
    String uploads = "youtube/v3/playlistItems?part=snippet&playlistId=UUalice0emulator0channel";
    JsonNode first = alice.get(uploads).json();
    assertThat(first.at("/pageInfo/totalResults").asInt()).isEqualTo(12);
    assertThat(first.at("/pageInfo/resultsPerPage").asInt()).isEqualTo(5);
    assertThat(first.path("items")).hasSize(5);
    assertThat(first.has("prevPageToken")).isFalse();
    assertThat(first.path("nextPageToken").asText()).isEqualTo("CAUQAA");

    JsonNode second =
        alice.get(uploads + "&pageToken=" + first.path("nextPageToken").asText()).json();
    assertThat(second.path("items")).hasSize(5);
    assertThat(second.at("/items/0/snippet/position").asInt()).isEqualTo(5);
    JsonNode third =
        alice.get(uploads + "&pageToken=" + second.path("nextPageToken").asText()).json();
    assertThat(third.path("items")).hasSize(2);
    assertThat(third.has("nextPageToken")).isFalse();
    JsonNode back =
        alice.get(uploads + "&pageToken=" + third.path("prevPageToken").asText()).json();
    assertThat(back.path("items")).isEqualTo(second.path("items"));

    // Others see only the public uploads.
    JsonNode seenByBob = bob.get(uploads + "&maxResults=50").json();
    assertThat(seenByBob.at("/pageInfo/totalResults").asInt()).isEqualTo(10);
    assertThat(seenByBob.path("items")).hasSize(10);

    // The client walks every page.
    int listed =
        alice
            .get("youtube/v3/playlists?part=id&channelId=" + Account.ALICE.channelId())
            .json()
            .at("/pageInfo/totalResults")
            .asInt();
    assertThat(listed).isGreaterThanOrEqualTo(7);
    assertThat(cli.playlists().list().channelId(Account.ALICE.channelId()).stream().count())
        .isEqualTo(listed);
  }

  @Test
  void onlyTheRequestedPartsComeBackWithKindEtagAndId() {
    JsonNode idOnly = alice.get("youtube/v3/videos?part=id&id=aliceVid001,bobVideo001").json();
    assertThat(idOnly.path("items")).hasSize(2);
    for (JsonNode item : idOnly.path("items")) {
      assertThat(item.fieldNames()).toIterable().containsExactly("kind", "etag", "id");
    }
    JsonNode two =
        alice.get("youtube/v3/videos?part=snippet,statistics&id=aliceVid001").json().at("/items/0");
    assertThat(two.fieldNames())
        .toIterable()
        .containsExactly("kind", "etag", "id", "snippet", "statistics");
    assertThat(two.at("/statistics/commentCount").asText()).isEqualTo("6");

    // Owner-only parts are for the owner only.
    assertThat(
            alice
                .get("youtube/v3/videos?part=fileDetails&id=aliceVid001")
                .json()
                .at("/items/0/fileDetails")
                .isObject())
        .isTrue();
    assertThat(
            bob.get("youtube/v3/videos?part=fileDetails&id=aliceVid001")
                .json()
                .at("/items/0")
                .has("fileDetails"))
        .isFalse();

    // Partial responses.
    JsonNode partial =
        alice
            .get("youtube/v3/videos?part=snippet&id=aliceVid001&fields=items(id,snippet/title)")
            .json();
    assertThat(partial.toString())
        .isEqualTo(
            "{\"items\":[{\"id\":\"aliceVid001\",\"snippet\":{\"title\":\"How to bake sourdough bread\"}}]}");
  }

  @Test
  void answersParseAsTheClientsModels() {
    VideoListResponse videos =
        Json.parse(
            alice
                .get(
                    "youtube/v3/videos?part=snippet,contentDetails,statistics,status,player&chart=mostPopular&maxResults=50")
                .body(),
            VideoListResponse.class);
    assertThat(videos.items()).hasSizeGreaterThan(10);
    assertThat(videos.items().get(0).statistics().viewCount()).isPositive();
    assertThat(videos.items().get(0).contentDetails().duration()).startsWith("PT");

    ChannelListResponse channels =
        Json.parse(
            bob.get(
                    "youtube/v3/channels?part=snippet,contentDetails,statistics,status,brandingSettings&forHandle=@alice")
                .body(),
            ChannelListResponse.class);
    assertThat(channels.items())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo(Account.ALICE.channelId());
              assertThat(c.snippet().customUrl()).isEqualTo("@alice");
              assertThat(c.statistics().videoCount()).hasToString("10");
            });

    CommentThreadListResponse threads =
        Json.parse(
            bob.get("youtube/v3/commentThreads?part=snippet,replies&videoId=aliceVid001").body(),
            CommentThreadListResponse.class);
    assertThat(threads.items()).hasSize(3);
    assertThat(threads.items())
        .anySatisfy(
            t -> {
              assertThat(t.snippet().totalReplyCount()).isEqualTo(2);
              assertThat(t.replies().comments()).hasSize(2);
              assertThat(t.snippet().topLevelComment().snippet().textOriginal())
                  .startsWith("Great recipe");
            });

    SearchListResponse search =
        Json.parse(
            bob.get("youtube/v3/search?part=snippet&q=sourdough&type=video&order=date").body(),
            SearchListResponse.class);
    assertThat(search.items())
        .extracting(r -> r.id().videoId())
        .containsExactlyInAnyOrder("aliceVid001", "bobVideo003", "newsVideo02");
    assertThat(search.regionCode()).isEqualTo("US");

    PlaylistItemListResponse items =
        Json.parse(
            bob.get(
                    "youtube/v3/playlistItems?part=snippet,contentDetails,status&playlistId="
                        + firstPlaylist(alice))
                .body(),
            PlaylistItemListResponse.class);
    assertThat(items.items())
        .extracting(i -> i.contentDetails().videoId())
        .containsExactly("aliceVid001", "aliceVid003", "aliceVid004");

    for (String path :
        List.of(
            "activities?part=snippet,contentDetails&channelId=" + Account.ALICE.channelId(),
            "captions?part=snippet&videoId=aliceVid001",
            "channelSections?part=snippet,contentDetails&mine=true",
            "comments?part=snippet&parentId=" + threads.items().get(0).id(),
            "i18nLanguages?part=snippet",
            "i18nRegions?part=snippet",
            "subscriptions?part=snippet,contentDetails,subscriberSnippet&mine=true",
            "videoCategories?part=snippet&regionCode=US",
            "videoAbuseReportReasons?part=snippet",
            "members?part=snippet",
            "membershipsLevels?part=snippet",
            "superChatEvents?part=snippet",
            "liveBroadcasts?part=snippet,status,contentDetails&mine=true",
            "liveStreams?part=snippet,cdn,status&mine=true",
            "videos/getRating?id=aliceVid001",
            "videos:batchGetStats?part=statistics&id=aliceVid001",
            "playlistImages?part=id&parent=x",
            "thirdPartyLinks?part=snippet&type=channelToStoreLink")) {
      Raw.Response answer = alice.get("youtube/v3/" + path);
      assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
      assertThat(answer.json().path("kind").asText()).as(path).startsWith("youtube#");
      assertThat(answer.json().path("items").isArray()).as(path).isTrue();
    }
    String chat =
        alice
            .get("youtube/v3/liveBroadcasts?part=snippet&mine=true")
            .json()
            .at("/items/0/snippet/liveChatId")
            .asText();
    JsonNode messages =
        alice
            .get("youtube/v3/liveChat/messages?part=snippet,authorDetails&liveChatId=" + chat)
            .json();
    assertThat(messages.path("items")).hasSize(2);
    assertThat(messages.path("pollingIntervalMillis").asInt()).isEqualTo(2000);
  }

  private static String firstPlaylist(Raw raw) {
    return raw.get("youtube/v3/playlists?part=id&channelId=" + Account.ALICE.channelId())
        .json()
        .at("/items/0/id")
        .asText();
  }

  @Test
  void aStrongEtagAnswers304WhenUnchanged() {
    String path = "youtube/v3/playlists?part=snippet&mine=true";
    Raw.Response first = alice.get(path);
    String etag = first.json().path("etag").asText();
    assertThat(etag).hasSize(27);
    assertThat(first.header("ETag")).isEqualTo("\"" + etag + "\"");
    assertThat(alice.get(path).json().path("etag").asText()).isEqualTo(etag);

    Raw.Response notModified = alice.get(path, "If-None-Match", etag);
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.bytes()).isEmpty();
    assertThat(alice.get(path, "If-None-Match", "\"" + etag + "\"").status()).isEqualTo(304);

    PlaylistListResponse viaClient = cli.playlists().list().mine(true).execute();
    Optional<PlaylistListResponse> unchanged =
        cli.playlists().list().mine(true).ifNoneMatch(viaClient.etag()).executeIfModified();
    assertThat(unchanged).isEmpty();

    cli.playlists()
        .insert(Playlist.builder().snippet(PlaylistSnippet.builder().title("New").build()).build())
        .execute();
    assertThat(alice.get(path, "If-None-Match", etag).status()).isEqualTo(200);
  }

  @Test
  void insertedPlaylistsAreListedUpdatedAndDeleted() {
    Playlist created =
        cli.playlists()
            .insert(
                Playlist.builder()
                    .snippet(
                        PlaylistSnippet.builder().title("Road trip 2").description("d").build())
                    .status(
                        PlaylistStatus.builder()
                            .privacyStatus(PlaylistStatus.PrivacyStatus.PRIVATE)
                            .build())
                    .build())
            .execute();
    assertThat(created.id()).startsWith("PL").hasSize(34);
    assertThat(created.kind()).isEqualTo("youtube#playlist");
    assertThat(created.snippet().channelId()).isEqualTo(Account.ALICE.channelId());
    assertThat(created.snippet().publishedAt()).isNotNull();
    assertThat(created.status().privacyStatus()).isEqualTo(PlaylistStatus.PrivacyStatus.PRIVATE);
    assertThat(created.contentDetails()).isNull();

    List<String> titles = new ArrayList<>();
    cli.playlists().list().mine(true).stream().forEach(p -> titles.add(p.snippet().title()));
    assertThat(titles).hasSize(8).contains("Road trip 2");
    // Private: Bob does not see it.
    assertThat(bob.get("youtube/v3/playlists?part=id&id=" + created.id()).json().path("items"))
        .isEmpty();

    Playlist renamed =
        cli.playlists()
            .update(
                created.toBuilder()
                    .snippet(PlaylistSnippet.builder().title("Renamed").build())
                    .status(null)
                    .build())
            .execute();
    assertThat(renamed.snippet().title()).isEqualTo("Renamed");
    assertThat(renamed.snippet().description()).isEmpty();

    // Items: insert at a position, list in order, delete.
    String item =
        alice
            .json(
                "POST",
                "youtube/v3/playlistItems?part=snippet",
                "{\"snippet\":{\"playlistId\":\""
                    + created.id()
                    + "\",\"resourceId\":{\"kind\":\"youtube#video\",\"videoId\":\"bobVideo001\"}}}")
            .json()
            .path("id")
            .asText();
    JsonNode front =
        alice
            .json(
                "POST",
                "youtube/v3/playlistItems?part=snippet",
                "{\"snippet\":{\"playlistId\":\""
                    + created.id()
                    + "\",\"position\":0,\"resourceId\":{\"kind\":\"youtube#video\",\"videoId\":\"aliceVid002\"}}}")
            .json();
    assertThat(front.at("/snippet/position").asInt()).isZero();
    JsonNode listed =
        alice.get("youtube/v3/playlistItems?part=snippet&playlistId=" + created.id()).json();
    assertThat(listed.path("items"))
        .extracting(i -> i.at("/snippet/resourceId/videoId").asText())
        .containsExactly("aliceVid002", "bobVideo001");
    assertThat(alice.send("DELETE", "youtube/v3/playlistItems?id=" + item, null, null).status())
        .isEqualTo(204);
    assertThat(
            alice
                .get("youtube/v3/playlists?part=contentDetails&id=" + created.id())
                .json()
                .at("/items/0/contentDetails/itemCount")
                .asInt())
        .isEqualTo(1);

    cli.playlists().delete(created.id()).execute();
    assertThatThrownBy(() -> cli.playlists().delete(created.id()).execute())
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.reason()).isEqualTo("playlistNotFound"));
  }

  @Test
  void ratingsCommentsSubscriptionsAndSectionsChangeState() {
    assertThat(
            alice
                .send("POST", "youtube/v3/videos/rate?id=bobVideo002&rating=like", null, null)
                .status())
        .isEqualTo(204);
    assertThat(
            alice
                .get("youtube/v3/videos/getRating?id=bobVideo002")
                .json()
                .at("/items/0/rating")
                .asText())
        .isEqualTo("like");
    assertThat(
            alice.get("youtube/v3/videos?part=id&myRating=like").json().at("/items/0/id").asText())
        .isEqualTo("bobVideo002");
    assertThat(
            alice
                .get("youtube/v3/playlistItems?part=contentDetails&playlistId=LL")
                .json()
                .at("/items/0/contentDetails/videoId")
                .asText())
        .isEqualTo("bobVideo002");

    JsonNode thread =
        alice
            .json(
                "POST",
                "youtube/v3/commentThreads?part=snippet",
                "{\"snippet\":{\"videoId\":\"bobVideo002\",\"topLevelComment\":{\"snippet\":{\"textOriginal\":\"Nice <b>list</b>\"}}}}")
            .json();
    String threadId = thread.path("id").asText();
    assertThat(thread.at("/snippet/topLevelComment/snippet/textDisplay").asText())
        .isEqualTo("Nice &lt;b&gt;list&lt;/b&gt;");
    JsonNode reply =
        bob.json(
                "POST",
                "youtube/v3/comments?part=snippet",
                "{\"snippet\":{\"parentId\":\"" + threadId + "\",\"textOriginal\":\"Thanks!\"}}")
            .json();
    assertThat(reply.path("id").asText()).startsWith(threadId + ".");
    JsonNode replies =
        bob.get("youtube/v3/comments?part=snippet&parentId=" + threadId + "&textFormat=plainText")
            .json();
    assertThat(replies.at("/items/0/snippet/textDisplay").asText()).isEqualTo("Thanks!");
    // Only the author edits a comment.
    assertThat(
            alice
                .json(
                    "PUT",
                    "youtube/v3/comments?part=snippet",
                    "{\"id\":\""
                        + reply.path("id").asText()
                        + "\",\"snippet\":{\"textOriginal\":\"x\"}}")
                .status())
        .isEqualTo(403);

    JsonNode subscription =
        bob.json(
                "POST",
                "youtube/v3/subscriptions?part=snippet",
                "{\"snippet\":{\"resourceId\":{\"kind\":\"youtube#channel\",\"channelId\":\""
                    + Seed.NEWS_CHANNEL
                    + "\"}}}")
            .json();
    assertThat(subscription.at("/snippet/title").asText()).isEqualTo("Emulator News");
    Raw.Response duplicate =
        bob.json(
            "POST",
            "youtube/v3/subscriptions?part=snippet",
            "{\"snippet\":{\"resourceId\":{\"kind\":\"youtube#channel\",\"channelId\":\""
                + Seed.NEWS_CHANNEL
                + "\"}}}");
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.json().at("/error/errors/0/reason").asText())
        .isEqualTo("subscriptionDuplicate");
    assertThat(
            bob.send(
                    "DELETE",
                    "youtube/v3/subscriptions?id=" + subscription.path("id").asText(),
                    null,
                    null)
                .status())
        .isEqualTo(204);

    JsonNode section =
        bob.json(
                "POST",
                "youtube/v3/channelSections?part=snippet",
                "{\"snippet\":{\"type\":\"popularUploads\"}}")
            .json();
    assertThat(section.at("/snippet/position").asInt()).isEqualTo(1);
    assertThat(bob.get("youtube/v3/channelSections?part=snippet&mine=true").json().path("items"))
        .hasSize(2);

    JsonNode channel =
        bob.json(
                "PUT",
                "youtube/v3/channels?part=brandingSettings",
                "{\"id\":\""
                    + Account.BOB.channelId()
                    + "\",\"brandingSettings\":{\"channel\":{\"description\":\"New bio\"}}}")
            .json();
    assertThat(channel.at("/brandingSettings/channel/description").asText()).isEqualTo("New bio");
  }

  @Test
  void captionsDownloadInTheRequestedFormat() {
    JsonNode tracks = alice.get("youtube/v3/captions?part=snippet&videoId=aliceVid001").json();
    assertThat(tracks.path("items"))
        .extracting(t -> t.at("/snippet/language").asText())
        .containsExactly("en", "fr");
    String id = tracks.at("/items/0/id").asText();

    Raw.Response srt = alice.get("youtube/v3/captions/" + id);
    assertThat(srt.status()).isEqualTo(200);
    assertThat(srt.body()).startsWith("1\n00:00:00,000 --> 00:00:04,000\nWelcome back");

    Raw.Response vtt = alice.get("youtube/v3/captions/" + id + "?tfmt=vtt&tlang=de");
    assertThat(vtt.header("Content-Type")).startsWith("text/vtt");
    assertThat(vtt.body()).startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelcome back");

    Raw.Response sbv = alice.get("youtube/v3/captions/" + id + "?tfmt=sbv");
    assertThat(sbv.body()).startsWith("0:00:00.000,0:00:04.000\nWelcome back");

    // Only the owner downloads.
    assertThat(bob.get("youtube/v3/captions/" + id).status()).isEqualTo(403);
    assertThat(alice.get("youtube/v3/captions/nosuch").status()).isEqualTo(404);
  }
}
