package io.github.jyoutube.cli;

import io.github.jyoutube.model.ResourceId;
import io.github.jyoutube.model.SearchResult;
import io.github.jyoutube.recipes.SearchAll;
import io.github.jyoutube.recipes.SearchEstimate;
import io.github.jyoutube.recipes.SearchProgress;
import io.github.jyoutube.resource.SearchResource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jyoutube search}. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search videos, channels and playlists (a call of the search bucket, 100 a day, per page"
            + " of 50).")
final class SearchCommand extends BaseCommand {

  @Option(
      names = {"-q", "--q"},
      required = true,
      paramLabel = "QUERY",
      description = "What to search for.")
  String query;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      split = ",",
      description = "video, channel or playlist (default: all).")
  List<String> types;

  @Option(
      names = "--order",
      paramLabel = "ORDER",
      description = "relevance (default), date, rating, title, videoCount or viewCount.")
  String order;

  @Option(
      names = "--max",
      paramLabel = "N",
      description = "At most N results (default: 25; with --all, every one).")
  Long max;

  @Option(
      names = "--published-after",
      paramLabel = "TIME",
      description = "Only results published at or after TIME (2024-01-31 or 2024-01-31T08:00:00Z).")
  String publishedAfter;

  @Option(
      names = "--published-before",
      paramLabel = "TIME",
      description = "Only results published before TIME.")
  String publishedBefore;

  @Option(
      names = "--channel",
      paramLabel = "ID",
      description = "Only results of the channel with this id (UC…).")
  String channelId;

  @Option(
      names = "--all",
      description = {
        "Every result, past the 500 the API pages through: the date window is split while a"
            + " window reports more. The cost is estimated first (one call) and asked about when"
            + " over --confirm-over calls."
      })
  boolean all;

  @Option(
      names = "--confirm-over",
      paramLabel = "CALLS",
      defaultValue = "10",
      description =
          "With --all: ask before a search estimated at more calls (default: ${DEFAULT-VALUE}).")
  long confirmOver;

  @Option(
      names = {"-y", "--yes"},
      description = "With --all: do not ask.")
  boolean yes;

  @Override
  int run() {
    if (max != null && max < 1) {
      throw CliException.usage("--max must be at least 1", null);
    }
    Instant after = time(publishedAfter, "--published-after");
    Instant before = time(publishedBefore, "--published-before");
    if (!all) {
      long limit = max == null ? 25 : max;
      SearchResource.ListRequest request = client().search().list();
      configure(request, after, before);
      return printList(
          request.maxItems(limit).pages(),
          limit,
          new Table("KIND", "ID", "TITLE", "CHANNEL", "PUBLISHED"),
          SearchCommand::row,
          "Nothing found.");
    }
    SearchAll search = client().recipes().searchAll(request -> configure(request, after, before));
    if (max != null) {
      search.maxItems(max);
    }
    SearchEstimate estimate = search.estimate();
    err().println("Estimate: " + estimate + ".");
    err().flush();
    if (estimate.calls() > confirmOver && !yes && !confirmed(estimate)) {
      throw CliException.failure(
          "not searched: about " + estimate.calls() + " calls were not confirmed",
          "pass --yes to search without asking, or narrow it with --published-after,"
              + " --published-before or --max");
    }
    List<SearchResult> results = search.stream().toList();
    SearchProgress done = search.progress();
    if (json()) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("kind", "youtube#searchListResponse");
      answer.put("items", results);
      printJson(answer);
    } else {
      Table table = new Table("KIND", "ID", "TITLE", "CHANNEL", "PUBLISHED");
      results.forEach(r -> table.row(row(r)));
      table.print(out(), "Nothing found.");
    }
    err()
        .println(
            results.size()
                + " results in "
                + done.calls()
                + " calls ("
                + done.units()
                + " units of the "
                + estimate.bucket()
                + " bucket); "
                + done.windowsSplit()
                + " windows split, "
                + done.duplicates()
                + " duplicates dropped"
                + (done.windowsTruncated() > 0
                    ? "; " + done.windowsTruncated() + " windows still held more than the API pages"
                    : "")
                + (done.budgetSpent() ? "; stopped at the most calls" : ""));
    err().flush();
    return ExitCodes.OK;
  }

  private void configure(SearchResource.ListRequest request, Instant after, Instant before) {
    request.q(query);
    if (types != null && !types.isEmpty()) {
      request.type(types.toArray(String[]::new));
    }
    if (order != null) {
      request.order(order);
    }
    if (channelId != null) {
      request.channelId(channelId);
    }
    if (after != null) {
      request.publishedAfter(after);
    }
    if (before != null) {
      request.publishedBefore(before);
    }
  }

  /** Asks on standard error, reads the answer from standard input. */
  private boolean confirmed(SearchEstimate estimate) {
    err()
        .print(
            "This search should take about "
                + estimate.calls()
                + " calls of the "
                + estimate.bucket()
                + " bucket (100 a day by default). Go on? [y/N] ");
    err().flush();
    try {
      String answer =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(
                      root().env().in(), java.nio.charset.StandardCharsets.UTF_8))
              .readLine();
      err().println();
      return answer != null
          && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Instant time(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10
          ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw CliException.usage(
          option + ": not a date or time: " + text, "write 2024-01-31 or 2024-01-31T08:00:00Z");
    }
  }

  private static Object[] row(SearchResult r) {
    ResourceId id = r.id();
    String kind = id == null || id.kind() == null ? null : id.kind().replace("youtube#", "");
    String value =
        id == null
            ? null
            : id.videoId() != null
                ? id.videoId()
                : id.playlistId() != null ? id.playlistId() : id.channelId();
    var s = r.snippet();
    return new Object[] {
      kind,
      value,
      s == null ? null : Errors.clean(s.title()),
      s == null ? null : s.channelTitle(),
      s == null ? null : date(s.publishedAt())
    };
  }
}
