package io.github.jyoutube.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.model.Comment;
import io.github.jyoutube.model.CommentSnippet;
import io.github.jyoutube.model.LiveChatMessage;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Received;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shape of the generated resources, checked against what the API documents rather than against
 * the generator's own plan (which {@code AllMethodsTest} follows).
 */
class ResourcesTest {

  private static final Reply NO_CONTENT = new Reply(204, Map.of(), new byte[0], 0);

  private final FakeGoogle google = FakeGoogle.start();
  private final YouTubeClient cli =
      YouTubeClient.builder().accessToken("ya29.test").endpoints(google.endpoints()).build();

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void theClientHasOneAccessorPerResource() throws Exception {
    List<Method> accessors =
        Arrays.stream(YouTubeClient.class.getMethods())
            .filter(m -> m.getReturnType().getSimpleName().endsWith("Resource"))
            .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
            .toList();

    assertThat(accessors)
        .extracting(Method::getName)
        .hasSize(31)
        .contains(
            "activities",
            "commentThreads",
            "i18nLanguages",
            "liveChatMessages",
            "playlists",
            "search",
            "tests",
            "videoTrainability",
            "videos")
        .doesNotContain("youtube");
    for (Method accessor : accessors) {
      Object first = accessor.invoke(cli);
      assertThat(first).as(accessor.getName()).isNotNull();
    }
    assertThat(cli.videoTrainability()).isInstanceOf(VideoTrainabilityResource.class);
  }

  @Test
  void searchDrawsOnItsOwnBucketAndTakesEnumsOrText() {
    google.otherwise("/youtube/v3/search", r -> Reply.json(200, "{\"items\":[]}"));

    cli.search()
        .list()
        .q("cats")
        .order(SearchResource.Order.VIEW_COUNT)
        .videoDimension(SearchResource.VideoDimension.VIDEO_DIMENSION_3D)
        .safeSearch("newValue")
        .execute();

    assertThat(google.received("/youtube/v3/search").get(0).query())
        .containsEntry("part", "id,snippet")
        .containsEntry("q", "cats")
        .containsEntry("order", "viewCount")
        .containsEntry("videoDimension", "3d")
        .containsEntry("safeSearch", "newValue");
    assertThat(cli.quota().spentToday(QuotaBucket.SEARCH)).isEqualTo(1);
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isZero();
    assertThat(SearchResource.Order.DATE.value()).isEqualTo("date");
    assertThat(SearchResource.Order.DATE).hasToString("date");
  }

  @Test
  void readsDefaultToThePartsAnyCallerMayRead() {
    google.otherwise("/youtube/v3/videos", r -> Reply.json(200, "{\"items\":[]}"));
    google.otherwise("/youtube/v3/channels", r -> Reply.json(200, "{\"items\":[]}"));

    cli.videos().list().chart(VideosResource.Chart.MOST_POPULAR).execute();
    cli.channels().list().mine(true).execute();

    List<String> videoParts =
        List.of(google.received("/youtube/v3/videos").get(0).query().get("part").split(","));
    assertThat(videoParts)
        .contains("id", "snippet", "contentDetails", "statistics", "status", "player")
        .doesNotContain("fileDetails", "processingDetails", "suggestions", "projectDetails")
        .isSorted();
    assertThat(google.received("/youtube/v3/videos").get(0).query())
        .containsEntry("chart", "mostPopular");
    assertThat(google.received("/youtube/v3/channels").get(0).query().get("part"))
        .isEqualTo(
            "brandingSettings,contentDetails,id,localizations,snippet,statistics,status,"
                + "topicDetails");
  }

  @Test
  void writesDefaultToThePartsTheBodyCarries() {
    google.otherwise("/youtube/v3/playlists", r -> Reply.json(200, "{\"id\":\"PL1\"}"));
    Playlist playlist =
        Playlist.builder()
            .id("PL1")
            .snippet(PlaylistSnippet.builder().title("t").build())
            .localizations(Map.of())
            .build();

    assertThat(cli.playlists().update(playlist).execute().id()).isEqualTo("PL1");
    assertThat(google.received("/youtube/v3/playlists").get(0).query())
        .isEqualTo(Map.of("part", "localizations,snippet"));
    assertThat(google.received("/youtube/v3/playlists").get(0).method()).isEqualTo("PUT");
    assertThatThrownBy(() -> cli.videos().update(Video.builder().id("v").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set part(...) explicitly");
  }

  @Test
  void requiredArgumentsComeFirstAndAreChecked() {
    google.otherwise("/youtube/v3/videos/rate", r -> NO_CONTENT);
    google.otherwise("/youtube/v3/comments/setModerationStatus", r -> NO_CONTENT);

    assertThat(cli.videos().rate("v1", VideosResource.Rating.LIKE).execute()).isNull();
    cli.comments()
        .setModerationStatus(List.of("c1", "c2"), CommentsResource.ModerationStatus.REJECTED)
        .banAuthor(true)
        .execute();

    Received rate = google.received("/youtube/v3/videos/rate").get(0);
    assertThat(rate.method()).isEqualTo("POST");
    assertThat(rate.query()).isEqualTo(Map.of("id", "v1", "rating", "like"));
    assertThat(google.received("/youtube/v3/comments/setModerationStatus").get(0).query())
        .isEqualTo(Map.of("id", "c1,c2", "moderationStatus", "rejected", "banAuthor", "true"));
    assertThatThrownBy(() -> cli.videos().rate(null, VideosResource.Rating.LIKE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'id'");
    assertThatThrownBy(() -> cli.videos().rate("v1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'rating'");
    assertThatThrownBy(() -> cli.captions().list(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'videoId'");
    assertThatThrownBy(() -> cli.comments().markAsSpam())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id needs at least one value");
    assertThatThrownBy(() -> cli.comments().insert(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'comment'");
    assertThat(google.received()).hasSize(2);
  }

  @Test
  void captionsDownloadPutsTheIdInThePathAndReturnsBytes() {
    google.otherwise(
        "/youtube/v3/captions/cap 1", r -> Reply.of(200, "text/vtt", "WEBVTT\n\nhello"));

    byte[] track = cli.captions().download("cap 1").tfmt("vtt").execute();

    assertThat(new String(track, StandardCharsets.UTF_8)).isEqualTo("WEBVTT\n\nhello");
    Received download = google.received().get(0);
    assertThat(download.method()).isEqualTo("GET");
    assertThat(download.path()).isEqualTo("/youtube/v3/captions/cap 1");
    assertThat(download.query()).isEqualTo(Map.of("tfmt", "vtt"));
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(200);
  }

  @Test
  void batchGetStatsUsesItsColonPathAndBucket() {
    google.otherwise("/youtube/v3/videos:batchGetStats", r -> Reply.json(200, "{\"items\":[]}"));

    cli.videos().batchGetStats().id("a", "b").execute();

    assertThat(google.received().get(0).query())
        .isEqualTo(Map.of("id", "a,b", "part", "contentDetails,id,snippet,statistics"));
    assertThat(cli.quota().spentToday(QuotaBucket.BATCH_GET_STATS)).isEqualTo(1);
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isZero();
  }

  @Test
  void theNestedStreamMethodIsStreamListOnLiveChatMessagesAndPages() {
    google.otherwise(
        "/youtube/v3/liveChat/messages/stream",
        r ->
            r.query().containsKey("pageToken")
                ? Reply.json(200, "{\"items\":[{\"id\":\"m2\"}]}")
                : Reply.json(200, "{\"items\":[{\"id\":\"m1\"}],\"nextPageToken\":\"p2\"}"));

    List<String> ids =
        cli.liveChatMessages().streamList().liveChatId("chat").stream()
            .map(LiveChatMessage::id)
            .toList();

    assertThat(ids).containsExactly("m1", "m2");
    List<Received> calls = google.received("/youtube/v3/liveChat/messages/stream");
    assertThat(calls.get(0).query())
        .containsEntry("liveChatId", "chat")
        .containsEntry("part", "authorDetails,id,snippet")
        .containsEntry("maxResults", "2000");
    assertThat(calls.get(1).query()).containsEntry("pageToken", "p2");
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(10);
    assertThatThrownBy(() -> cli.liveChatMessages().list("chat").maxResults(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 200 and 2000");
  }

  @Test
  void aCommentInsertSendsItsBodyAndPart() {
    google.otherwise("/youtube/v3/comments", r -> Reply.json(200, "{\"id\":\"C1\"}"));
    Comment comment =
        Comment.builder().snippet(CommentSnippet.builder().parentId("P").build()).build();

    assertThat(cli.comments().insert(comment).execute().id()).isEqualTo("C1");

    Received insert = google.received().get(0);
    assertThat(insert.method()).isEqualTo("POST");
    assertThat(insert.query()).isEqualTo(Map.of("part", "snippet"));
    assertThat(insert.body()).isEqualTo("{\"snippet\":{\"parentId\":\"P\"}}");
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(50);
  }
}
