package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.error.ForbiddenException;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoListResponse;
import io.github.jyoutube.paging.Pages;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Received;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * More than 50 ids go out as requests of 50, a few at a time, and come back merged in the order
 * asked. The fake answers each batch in reverse order, as the API is free to.
 */
class IdLookupTest {

  private static final String VIDEOS = "/youtube/v3/videos";

  private final FakeGoogle google = FakeGoogle.start();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();

  @AfterEach
  void stop() {
    google.close();
  }

  private YouTubeClient client() {
    return YouTubeClient.builder().accessToken("ya29.t").endpoints(google.endpoints()).build();
  }

  /** Answers with the asked videos that exist (ids ending in a digit other than 9), reversed. */
  private void serveVideos(long delayMillis) {
    google.otherwise(
        VIDEOS,
        r -> {
          int now = inFlight.incrementAndGet();
          mostInFlight.accumulateAndGet(now, Math::max);
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          List<String> ids = new ArrayList<>(Arrays.asList(r.query().get("id").split(",")));
          if (ids.size() > 50) {
            inFlight.decrementAndGet();
            return Reply.json(400, "{\"error\":{\"code\":400,\"message\":\"too many ids\"}}");
          }
          java.util.Collections.reverse(ids);
          StringJoiner items = new StringJoiner(",");
          for (String id : ids) {
            if (!id.endsWith("9")) {
              items.add("{\"kind\":\"youtube#video\",\"id\":\"" + id + "\"}");
            }
          }
          inFlight.decrementAndGet();
          return Reply.json(
              200,
              "{\"kind\":\"youtube#videoListResponse\",\"etag\":\"e\",\"items\":["
                  + items
                  + "],\"pageInfo\":{\"totalResults\":"
                  + ids.size()
                  + ",\"resultsPerPage\":"
                  + ids.size()
                  + "}}");
        });
  }

  private static String[] ids(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> String.format("v%04d", i))
        .toArray(String[]::new);
  }

  private static List<String> existing(String[] ids) {
    return Arrays.stream(ids).filter(id -> !id.endsWith("9")).toList();
  }

  @Test
  void executeSplitsIntoBatchesOfFiftyAndMergesInTheOrderAsked() {
    serveVideos(20);
    String[] ids = ids(230);

    VideoListResponse merged = client().videos().list().id(ids).part("id").execute();

    assertThat(merged.items()).extracting(Video::id).containsExactlyElementsOf(existing(ids));
    assertThat(merged.pageInfo().totalResults()).isEqualTo(existing(ids).size());
    assertThat(merged.etag()).isNull();
    List<Received> sent = google.received(VIDEOS);
    assertThat(sent).hasSize(5);
    assertThat(sent)
        .allSatisfy(
            r -> {
              assertThat(r.query().get("id").split(",")).hasSizeLessThanOrEqualTo(50);
              assertThat(r.query()).doesNotContainKeys("maxResults", "pageToken");
              assertThat(r.query().get("part")).isEqualTo("id");
            });
    assertThat(sent.stream().flatMap(r -> Arrays.stream(r.query().get("id").split(","))))
        .containsExactlyInAnyOrder(ids);
    assertThat(mostInFlight.get()).isBetween(2, 4);
  }

  @Test
  void fiftyIdsOrFewerStayOneRequestAsTheCallerWroteIt() {
    serveVideos(0);
    String[] ids = ids(50);

    VideoListResponse answer = client().videos().list().id(ids).execute();

    assertThat(google.received(VIDEOS)).hasSize(1);
    assertThat(answer.etag()).isEqualTo("e"); // not merged: the API's answer as it came
  }

  @Test
  void repeatedIdsAreAskedOnce() {
    serveVideos(0);
    String[] once = ids(40);
    String[] twice = new String[80];
    System.arraycopy(once, 0, twice, 0, 40);
    System.arraycopy(once, 0, twice, 40, 40);

    VideoListResponse answer = client().videos().list().id(twice).execute();

    assertThat(google.received(VIDEOS)).hasSize(1);
    assertThat(google.received(VIDEOS).get(0).query().get("id").split(",")).hasSize(40);
    assertThat(answer.items()).extracting(Video::id).containsExactlyElementsOf(existing(once));
  }

  @Test
  void streamYieldsEveryItemInOrderAndPagesAreTheBatches() {
    serveVideos(5);
    String[] ids = ids(175);
    YouTubeClient cli = client();

    List<String> streamed = cli.videos().list().id(ids).stream().map(Video::id).toList();
    Pages<VideoListResponse, Video> pages = cli.videos().list().id(ids).pages();
    List<Integer> sizes = new ArrayList<>();
    for (VideoListResponse page : pages) {
      sizes.add(page.items().size());
    }

    assertThat(streamed).containsExactlyElementsOf(existing(ids));
    assertThat(sizes).hasSize(4);
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(existing(ids).size());
  }

  @Test
  void maxItemsSendsNoBatchBeyondWhatItCanNeed() {
    serveVideos(30);
    String[] ids = ids(500);

    List<String> first =
        client().videos().list().id(ids).maxItems(60).stream().map(Video::id).toList();

    assertThat(first).containsExactlyElementsOf(existing(ids).subList(0, 60));
    // 60 items need batches 0 and 1 (45 existing videos each); batch 2 only if those fall short.
    assertThat(google.received(VIDEOS)).hasSize(2);
  }

  private static final Reply FORBIDDEN =
      Reply.json(
          403,
          "{\"error\":{\"code\":403,\"message\":\"no\",\"errors\":[{\"reason\":\"forbidden\","
              + "\"domain\":\"youtube.video\",\"message\":\"no\"}]}}");

  @Test
  void aFailedBatchFailsTheLookupWithItsTypedError() {
    google.enqueue(VIDEOS, FORBIDDEN);
    serveVideos(0);
    YouTubeClient cli = client();

    assertThatThrownBy(() -> cli.videos().list().id(ids(120)).execute())
        .isInstanceOf(ForbiddenException.class);
    google.enqueue(VIDEOS, FORBIDDEN);
    assertThatThrownBy(() -> cli.videos().list().id(ids(120)).stream().count())
        .isInstanceOf(ForbiddenException.class)
        .satisfies(e -> assertThat(google.received(VIDEOS)).hasSizeLessThanOrEqualTo(6));
  }

  @Test
  void executeAsyncNeverBlocksAThreadOfTheExecutor() throws Exception {
    serveVideos(5);
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      YouTubeClient cli =
          YouTubeClient.builder()
              .accessToken("ya29.t")
              .endpoints(google.endpoints())
              .executor(single)
              .build();
      String[] ids = ids(300);

      VideoListResponse merged =
          cli.videos().list().id(ids).executeAsync().get(20, TimeUnit.SECONDS);

      assertThat(merged.items()).extracting(Video::id).containsExactlyElementsOf(existing(ids));
      assertThat(mostInFlight.get()).isEqualTo(1);
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void aConditionalRequestOverFiftyIdsIsRefusedBeforeAnyRequest() {
    serveVideos(0);

    assertThatThrownBy(() -> client().videos().list().id(ids(51)).ifNoneMatch("e").execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ifNoneMatch")
        .hasMessageContaining("51 given");
    assertThat(google.received()).isEmpty();
  }

  @Test
  void quotaCountsEveryBatch() {
    serveVideos(0);
    YouTubeClient cli = client();

    cli.videos().list().id(ids(1000)).part("statistics").execute();

    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(20);
  }

  /**
   * Answers the asked videos that exist {@code perPage} at a time, with a {@code nextPageToken}
   * (the offset) while more remain; {@code stuck}: the same token on every page, for ever.
   */
  private void serveVideosPaged(int perPage, boolean stuck) {
    google.otherwise(
        VIDEOS,
        r -> {
          List<String> found = existing(r.query().get("id").split(","));
          int from = stuck ? 0 : Integer.parseInt(r.query().getOrDefault("pageToken", "0"));
          int to = Math.min(found.size(), from + perPage);
          StringJoiner items = new StringJoiner(",");
          for (String id : found.subList(from, to)) {
            items.add("{\"kind\":\"youtube#video\",\"id\":\"" + id + "\"}");
          }
          String next =
              stuck
                  ? ",\"nextPageToken\":\"again\""
                  : to < found.size() ? ",\"nextPageToken\":\"" + to + "\"" : "";
          return Reply.json(
              200,
              "{\"kind\":\"youtube#videoListResponse\",\"items\":[" + items + "]" + next + "}");
        });
  }

  @Test
  void aServerThatPagesALookupIsFollowedToTheEndOfEachBatch() {
    serveVideosPaged(20, false);
    String[] ids = ids(120); // batches of 50, 50 and 20 ids: 45, 45 and 18 videos exist

    YouTubeClient cli = client();
    VideoListResponse merged = cli.videos().list().id(ids).part("id").execute();

    assertThat(merged.items()).extracting(Video::id).containsExactlyElementsOf(existing(ids));
    assertThat(merged.nextPageToken()).isNull();
    assertThat(google.received(VIDEOS)).hasSize(3 + 3 + 1);
    assertThat(cli.quota().spentToday(QuotaBucket.DEFAULT)).isEqualTo(7);
    assertThat(cli.videos().list().id(ids).part("id").stream().map(Video::id))
        .containsExactlyElementsOf(existing(ids));
  }

  @Test
  void aServerThatRepeatsItsPageTokenEndsEachBatchAtTheRepeat() {
    serveVideosPaged(20, true);
    String[] ids = ids(120);

    VideoListResponse merged = client().videos().list().id(ids).part("id").execute();

    // Each batch: its first page, then the token once; the repeated token is not followed.
    assertThat(google.received(VIDEOS)).hasSize(3 * 2);
    // The repeated page's items are kept once: the first 20 of each batch, in the order asked.
    List<String> expected = new ArrayList<>();
    for (int batch = 0; batch < 3; batch++) {
      List<String> found =
          existing(Arrays.copyOfRange(ids, batch * 50, Math.min(ids.length, batch * 50 + 50)));
      expected.addAll(found.subList(0, Math.min(20, found.size())));
    }
    assertThat(merged.items()).extracting(Video::id).containsExactlyElementsOf(expected);
  }
}
