package io.github.jyoutube.bench;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.model.SearchResult;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.resource.SearchResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Quota units and wall time of the common jobs, the obvious way and the recipe's way, against the
 * jyoutube emulator in this JVM; the emulator's quota counter is the referee.
 *
 * <ul>
 *   <li>1,000 videos' statistics: one {@code videos.list} per id, against one lookup of 1,000 ids
 *       (20 requests of 50);
 *   <li>a channel's 5,000 uploads: {@code search.list} by channel (which stops at 500), the search
 *       split by date until it has all 5,000, against the uploads playlist (ids only, and with
 *       {@code videos.list} details);
 *   <li>a search with 2,000 results: paged as the API pages it (500), against the split search.
 * </ul>
 *
 * <p>Options: {@code --rounds N} (3): each job runs once to warm up, then N times; the table shows
 * the units (the same every round) and the median wall time. Every loop is bounded: the jobs are
 * finite walks over seeded data.
 */
public final class QuotaBenchmark {

  private static final String CHANNEL = "UCbench0quota0uploads000";
  private static final Instant START = Instant.parse("2018-01-01T00:00:00Z");

  private QuotaBenchmark() {}

  /** A measured job: its results, units by bucket and wall times. */
  private record Row(
      String job,
      String way,
      long results,
      long defaultUnits,
      long searchCalls,
      long medianMillis) {}

  public static void main(String[] args) {
    int rounds = 3;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--rounds") && i + 1 < args.length) {
        rounds = Integer.parseInt(args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option " + args[i] + "; use --rounds N");
      }
    }
    if (rounds < 1 || rounds > 50) {
      throw new IllegalArgumentException("--rounds must be 1 to 50");
    }
    try (YouTubeEmulator emulator =
        YouTubeEmulator.builder().port(0).searchQuota(1_000_000).dailyQuota(10_000_000).start()) {
      long seeding = System.nanoTime();
      emulator.addChannel(CHANNEL, "Bench Uploads", "@benchuploads");
      // 5,000 uploads over ~7 years, one every 12 hours.
      List<String> uploads =
          emulator.addVideos(CHANNEL, "Upload", 5000, START, Duration.ofHours(12));
      // 2,000 matches of one query (titles "Lofi session #n"), one every 3 hours of 2024.
      emulator.addVideos(
          Account.BOB.channelId(),
          "Lofi session",
          2000,
          Instant.parse("2024-01-01T00:00:00Z"),
          Duration.ofHours(3));
      List<String> lookup = new ArrayList<>(uploads.subList(0, 1000));
      Collections.shuffle(lookup, new java.util.Random(42));
      System.out.printf(
          Locale.ROOT,
          "seeded 7,000 videos in %d ms; %s, %d rounds after a warm-up%n",
          (System.nanoTime() - seeding) / 1_000_000,
          "JDK " + Runtime.version(),
          rounds);
      YouTubeClient cli = emulator.client(Account.ALICE);

      List<Row> rows = new ArrayList<>();
      rows.add(
          measure(
              emulator,
              rounds,
              "1,000 videos' statistics",
              "one videos.list per id",
              () -> {
                long found = 0;
                for (String id : lookup) {
                  found += cli.videos().list().id(id).part("statistics").execute().items().size();
                }
                return found;
              }));
      rows.add(
          measure(
              emulator,
              rounds,
              "1,000 videos' statistics",
              "one lookup of 1,000 ids (coalesced)",
              () ->
                  (long)
                      cli.videos().list().id(lookup).part("statistics").execute().items().size()));
      rows.add(
          measure(
              emulator,
              rounds,
              "a channel's 5,000 uploads",
              "search.list by channel, paged",
              () ->
                  cli
                      .search()
                      .list()
                      .channelId(CHANNEL)
                      .type("video")
                      .order(SearchResource.Order.DATE)
                      .stream()
                      .count()));
      rows.add(
          measure(
              emulator,
              rounds,
              "a channel's 5,000 uploads",
              "search.list by channel, split by date",
              () ->
                  distinct(
                      cli.recipes().searchAll(s -> s.channelId(CHANNEL).type("video")).stream()
                          .toList())));
      rows.add(
          measure(
              emulator,
              rounds,
              "a channel's 5,000 uploads",
              "uploads playlist, ids",
              () -> cli.recipes().uploads(CHANNEL).videoIds().count()));
      rows.add(
          measure(
              emulator,
              rounds,
              "a channel's 5,000 uploads",
              "uploads playlist + videos.list details",
              () -> {
                List<Video> videos = cli.recipes().uploads(CHANNEL).videos().toList();
                return (long) videos.size();
              }));
      rows.add(
          measure(
              emulator,
              rounds,
              "a search with 2,000 results",
              "paged as the API pages it",
              () -> cli.search().list().q("lofi").type("video").stream().count()));
      rows.add(
          measure(
              emulator,
              rounds,
              "a search with 2,000 results",
              "split by date (searchAll)",
              () ->
                  distinct(
                      cli.recipes().searchAll(s -> s.q("lofi").type("video")).stream().toList())));

      System.out.println();
      System.out.println(
          "| job | way | results | shared-pool units | search.list calls | (before June 2026: units) | wall, median |");
      System.out.println("|---|---|---|---|---|---|---|");
      for (Row row : rows) {
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %,d | %,d | %,d | %,d | %,d ms |%n",
            row.job(),
            row.way(),
            row.results(),
            row.defaultUnits(),
            row.searchCalls(),
            row.defaultUnits() + 100 * row.searchCalls(),
            row.medianMillis());
      }
    }
  }

  private static long distinct(List<SearchResult> results) {
    Set<String> ids = new HashSet<>();
    for (SearchResult result : results) {
      ids.add(result.id().videoId());
    }
    return ids.size();
  }

  private static Row measure(
      YouTubeEmulator emulator, int rounds, String job, String way, Supplier<Long> run) {
    run.get(); // warm-up
    long results = 0;
    long defaultUnits = 0;
    long searchCalls = 0;
    List<Long> millis = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      emulator.resetQuota();
      long started = System.nanoTime();
      results = run.get();
      millis.add((System.nanoTime() - started) / 1_000_000);
      defaultUnits = emulator.quotaUsed(QuotaBucket.DEFAULT);
      searchCalls = emulator.quotaUsed(QuotaBucket.SEARCH);
    }
    Collections.sort(millis);
    Row row = new Row(job, way, results, defaultUnits, searchCalls, millis.get(millis.size() / 2));
    System.out.printf(
        Locale.ROOT,
        "%-28s %-42s results %,6d  units %,6d  search calls %,5d  wall %s ms%n",
        job,
        way,
        results,
        defaultUnits,
        searchCalls,
        millis);
    return row;
  }
}
