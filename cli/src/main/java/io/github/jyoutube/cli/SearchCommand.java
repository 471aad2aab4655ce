package io.github.jyoutube.cli;

import io.github.jyoutube.model.ResourceId;
import io.github.jyoutube.model.SearchResult;
import io.github.jyoutube.resource.SearchResource;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jyoutube search}. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search videos, channels and playlists (100 quota units a page).")
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
      defaultValue = "25",
      description = "At most N results (default: ${DEFAULT-VALUE}).")
  long max;

  @Override
  int run() {
    SearchResource.ListRequest request = client().search().list().q(query);
    if (types != null && !types.isEmpty()) {
      request.type(types.toArray(String[]::new));
    }
    if (order != null) {
      request.order(order);
    }
    return printList(
        request.maxItems(max).pages(),
        max,
        new Table("KIND", "ID", "TITLE", "CHANNEL", "PUBLISHED"),
        SearchCommand::row,
        "Nothing found.");
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
