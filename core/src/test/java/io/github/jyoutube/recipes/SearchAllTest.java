package io.github.jyoutube.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.testing.FakeGoogle;
import io.github.jyoutube.testing.FakeGoogle.Reply;
import java.time.Instant;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The search walk against servers that never stop: its budgets hold. */
class SearchAllTest {

  private static final String SEARCH = "/youtube/v3/search";

  private final FakeGoogle google = FakeGoogle.start();
  private final YouTubeClient cli =
      YouTubeClient.builder().accessToken("ya29.t").endpoints(google.endpoints()).build();
  private final AtomicInteger served = new AtomicInteger();

  @AfterEach
  void stop() {
    google.close();
  }

  private Reply page(long total, String nextToken) {
    StringJoiner items = new StringJoiner(",");
    for (int i = 0; i < 50; i++) {
      int n = served.getAndIncrement();
      items.add(
          "{\"kind\":\"youtube#searchResult\",\"id\":{\"kind\":\"youtube#video\",\"videoId\":\"v"
              + n
              + "\"},\"snippet\":{\"publishedAt\":\"2024-01-01T00:00:00Z\"}}");
    }
    return Reply.json(
        200,
        "{\"items\":["
            + items
            + "],\"pageInfo\":{\"totalResults\":"
            + total
            + ",\"resultsPerPage\":50}"
            + (nextToken == null ? "" : ",\"nextPageToken\":\"" + nextToken + "\"")
            + "}");
  }

  @Test
  void aServerThatAlwaysReportsAMillionMeetsTheCallBudget() {
    google.otherwise(SEARCH, r -> page(1_000_000, "more"));
    SearchAll all = cli.recipes().searchAll(s -> s.q("x")).maxCalls(30);

    long count = all.stream().count();

    assertThat(google.received(SEARCH)).hasSize(30);
    assertThat(all.progress().budgetSpent()).isTrue();
    assertThat(all.progress().calls()).isEqualTo(30);
    assertThat(count).isEqualTo(all.progress().results());
  }

  @Test
  void aWindowThatPagesForeverOrRepeatsItsTokenEnds() {
    google.otherwise(SEARCH, r -> page(100, "same"));
    SearchAll repeating = cli.recipes().searchAll(s -> s.q("x"));
    assertThat(repeating.stream().count()).isEqualTo(100);
    assertThat(google.received(SEARCH)).hasSize(2);

    AtomicInteger token = new AtomicInteger();
    google.otherwise(SEARCH, r -> page(100, "t" + token.incrementAndGet()));
    SearchAll endless = cli.recipes().searchAll(s -> s.q("x"));
    endless.stream().count();
    assertThat(endless.progress().calls()).isEqualTo(SearchAll.PAGEABLE / 50 + 2);
  }

  @Test
  void theWindowAsksForDateOrderUnlessTheCallerChoseOne() {
    google.otherwise(SEARCH, r -> page(10, null));

    cli.recipes().searchAll(s -> s.q("x")).stream().count();
    cli.recipes().searchAll(s -> s.q("x").order("viewCount")).stream().count();

    assertThat(google.received(SEARCH).get(0).query())
        .containsEntry("order", "date")
        .containsEntry("maxResults", "50")
        .containsEntry("publishedAfter", "2005-04-23T00:00:00Z")
        .containsKey("publishedBefore");
    assertThat(google.received(SEARCH).get(1).query()).containsEntry("order", "viewCount");
  }

  @Test
  void anEmptyOrMalformedWindowIsRefusedBeforeAnyCall() {
    Instant at = Instant.parse("2024-01-01T00:00:00Z");

    assertThatThrownBy(() -> cli.recipes().searchAll(s -> s.publishedAfter(at).publishedBefore(at)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("publishedAfter");
    assertThatThrownBy(
            () -> cli.recipes().searchAll(s -> s.q("x")).minWindow(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(google.received()).isEmpty();
  }
}
