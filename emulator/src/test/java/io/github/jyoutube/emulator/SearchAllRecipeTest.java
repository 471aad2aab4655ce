package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.model.SearchListResponse;
import io.github.jyoutube.model.SearchResult;
import io.github.jyoutube.recipes.SearchAll;
import io.github.jyoutube.recipes.SearchEstimate;
import io.github.jyoutube.recipes.SearchProgress;
import io.github.jyoutube.resource.SearchResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A search with 2,000 matches: the API pages through 500 of them; splitting the date window finds
 * all 2,000, the emulator's quota counter counting every call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAllRecipeTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR =
      new YouTubeEmulatorExtension(b -> b.searchQuota(10_000));

  private static final String CHANNEL = "UCvolume0search0channel0";
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private final Set<String> lofi = new HashSet<>();
  private final Set<String> burst = new HashSet<>();
  private YouTubeClient cli;

  @BeforeAll
  void seed() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    emulator.addChannel(CHANNEL, "Volume Search", "@volumesearch");
    // 2,000 evenly over 250 days: one every 3 hours.
    lofi.addAll(emulator.addVideos(CHANNEL, "Lofi beat", 2000, START, Duration.ofHours(3)));
    // 700 within one day, and 600 within the same second: denser than the rest.
    burst.addAll(
        emulator.addVideos(
            CHANNEL,
            "Jazz burst",
            700,
            Instant.parse("2024-06-01T00:00:00Z"),
            Duration.ofMinutes(2)));
    burst.addAll(
        emulator.addVideos(
            CHANNEL, "Jazz burst", 100, Instant.parse("2023-01-01T00:00:00Z"), Duration.ofDays(3)));
    emulator.addVideos(
        CHANNEL, "Same second", 600, Instant.parse("2022-03-03T03:03:03Z"), Duration.ZERO);
  }

  @BeforeEach
  void client() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    emulator.resetQuota();
    cli = emulator.client(Account.ALICE);
  }

  private long searchCalls() {
    return EMULATOR.emulator().quotaUsed(QuotaBucket.SEARCH);
  }

  private static String videoId(SearchResult r) {
    return r.id().videoId();
  }

  @Test
  void theApiAloneStopsAtFiveHundred() {
    SearchListResponse first = cli.search().list().q("lofi").type("video").maxResults(50).execute();
    long count = cli.search().list().q("lofi").type("video").stream().count();

    assertThat(first.pageInfo().totalResults()).isEqualTo(2000);
    assertThat(count).isEqualTo(SearchAll.PAGEABLE);
    assertThat(searchCalls()).isEqualTo(1 + 10);
  }

  @Test
  void splittingTheWindowFindsAllTwoThousandAndCountsItsCalls() {
    List<SearchProgress> seen = new ArrayList<>();
    SearchAll all =
        cli.recipes()
            .searchAll(s -> s.q("lofi").type("video").order(SearchResource.Order.DATE))
            .onProgress(seen::add);

    SearchEstimate estimate = all.estimate();
    List<String> ids = all.stream().map(SearchAllRecipeTest::videoId).toList();
    SearchProgress done = all.progress();

    assertThat(ids).doesNotHaveDuplicates().hasSize(2000);
    assertThat(new HashSet<>(ids)).isEqualTo(lofi);
    assertThat(estimate.reportedResults()).isEqualTo(2000);
    assertThat(estimate.bucket()).isEqualTo(QuotaBucket.SEARCH);
    assertThat(done.calls()).isEqualTo(searchCalls()); // the estimate's call is reused
    assertThat(done.units()).isEqualTo(searchCalls());
    assertThat(done.results()).isEqualTo(2000);
    assertThat(done.windowsSplit()).isPositive();
    assertThat(done.windowsTruncated()).isZero();
    assertThat(done.windowsLeft()).isZero();
    // 40 pages of 50 at the least; the estimate within a few calls of what it took.
    assertThat(done.calls()).isBetween(41L, 60L);
    assertThat(Math.abs(estimate.calls() - done.calls()))
        .as(estimate + " vs " + done)
        .isLessThanOrEqualTo(8);
    assertThat(seen).isNotEmpty().last().isEqualTo(done);
    System.out.printf(
        "search 2,000 results: estimate %s; took %d calls, %d windows split, %d duplicates%n",
        estimate, done.calls(), done.windowsSplit(), done.duplicates());
  }

  @Test
  void aDenseBurstIsSplitWhereItsResultsLie() {
    SearchAll all = cli.recipes().searchAll(s -> s.q("jazz").type("video"));

    Set<String> ids = new HashSet<>();
    all.stream().forEach(r -> ids.add(videoId(r)));

    assertThat(ids).isEqualTo(burst);
    assertThat(all.progress().windowsSplit()).isPositive();
    assertThat(all.progress().calls()).isEqualTo(searchCalls());
    // 16 pages of 50 at the least, and the probe of each window split.
    assertThat(all.progress().calls())
        .as(all.progress().toString())
        .isBetween(17L, 16L + 2 * all.progress().windowsSplit() + 2);
  }

  @Test
  void aWindowThatCannotBeSplitIsSearchedAsFarAsTheApiGoesAndCountedAsTruncated() {
    SearchAll all = cli.recipes().searchAll(s -> s.q("same second").type("video"));

    long count = all.stream().count();

    assertThat(count).isEqualTo(SearchAll.PAGEABLE);
    assertThat(all.progress().windowsTruncated()).isEqualTo(1);
  }

  @Test
  void theCallersWindowAndMaxItemsBoundTheWalk() {
    Instant after = START.plus(Duration.ofDays(10));
    Instant before = START.plus(Duration.ofDays(20)); // 80 videos
    SearchAll all =
        cli.recipes()
            .searchAll(
                s -> s.q("lofi").type("video").publishedAfter(after).publishedBefore(before));

    assertThat(all.stream().count()).isEqualTo(80);
    assertThat(all.progress().calls()).isEqualTo(2);

    assertThat(cli.recipes().searchAll(s -> s.q("lofi").type("video")).maxItems(70).stream())
        .hasSize(70);
  }

  @Test
  void maxCallsEndsAWalkEarlyAndSaysSo() {
    SearchAll all = cli.recipes().searchAll(s -> s.q("lofi").type("video")).maxCalls(5);

    long count = all.stream().count();

    assertThat(searchCalls()).isEqualTo(5);
    assertThat(all.progress().budgetSpent()).isTrue();
    assertThat(all.progress().windowsLeft()).isPositive();
    assertThat(count).isLessThan(2000);
  }
}
