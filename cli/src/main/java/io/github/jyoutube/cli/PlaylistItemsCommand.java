package io.github.jyoutube.cli;

import io.github.jyoutube.model.PlaylistItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jyoutube playlist-items}. */
@Command(
    name = "playlist-items",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "The videos in a playlist.",
    subcommands = PlaylistItemsCommand.ListItems.class)
final class PlaylistItemsCommand extends GroupCommand {

  /** {@code playlist-items list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the videos in a playlist.")
  static final class ListItems extends BaseCommand {

    @Option(names = "--playlist", required = true, paramLabel = "ID", description = "The playlist.")
    String playlist;

    @Option(
        names = "--max",
        paramLabel = "N",
        defaultValue = "50",
        description = "At most N items (default: ${DEFAULT-VALUE}).")
    long max;

    @Override
    int run() {
      return printList(
          client().playlistItems().list().playlistId(playlist).maxItems(max).pages(),
          max,
          new Table("POSITION", "VIDEO", "TITLE", "CHANNEL", "ITEM ID"),
          ListItems::row,
          "The playlist is empty.");
    }

    private static Object[] row(PlaylistItem item) {
      var s = item.snippet();
      String video =
          item.contentDetails() != null
              ? item.contentDetails().videoId()
              : s != null && s.resourceId() != null ? s.resourceId().videoId() : null;
      return new Object[] {
        s == null ? null : s.position(),
        video,
        s == null ? null : s.title(),
        s == null ? null : s.videoOwnerChannelTitle(),
        item.id()
      };
    }
  }
}
