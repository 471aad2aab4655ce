package io.github.jyoutube.cli;

import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistSnippet;
import io.github.jyoutube.model.PlaylistStatus;
import io.github.jyoutube.resource.PlaylistsResource;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jyoutube playlists}. */
@Command(
    name = "playlists",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "Playlists.",
    subcommands = {PlaylistsCommand.ListPlaylists.class, PlaylistsCommand.Create.class})
final class PlaylistsCommand extends GroupCommand {

  static Table table() {
    return new Table("ID", "TITLE", "PRIVACY", "ITEMS", "PUBLISHED");
  }

  static Object[] row(Playlist p) {
    PlaylistSnippet s = p.snippet();
    return new Object[] {
      p.id(),
      s == null ? null : s.title(),
      p.status() == null ? null : BaseCommand.text(p.status().privacyStatus()),
      p.contentDetails() == null ? null : p.contentDetails().itemCount(),
      s == null ? null : BaseCommand.date(s.publishedAt())
    };
  }

  /** {@code playlists list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List your playlists (--mine), a channel's, or playlists by ID.")
  static final class ListPlaylists extends BaseCommand {

    @Option(names = "--mine", description = "The signed-in account's playlists.")
    boolean mine;

    @Option(names = "--channel", paramLabel = "ID", description = "A channel's playlists.")
    String channel;

    @Option(names = "--id", paramLabel = "ID", split = ",", description = "Playlist IDs.")
    List<String> ids;

    @Option(
        names = "--max",
        paramLabel = "N",
        defaultValue = "50",
        description = "At most N playlists (default: ${DEFAULT-VALUE}).")
    long max;

    @Override
    int run() {
      int filters = (mine ? 1 : 0) + (channel != null ? 1 : 0) + (ids != null ? 1 : 0);
      if (filters != 1) {
        throw CliException.usage(
            "say which playlists: one of --mine, --channel ID or --id ID", null);
      }
      PlaylistsResource.ListRequest request = client().playlists().list();
      if (mine) {
        request.mine(true);
      } else if (channel != null) {
        request.channelId(channel);
      } else {
        request.id(ids.toArray(String[]::new));
      }
      return printList(
          request.maxItems(max).pages(), max, table(), PlaylistsCommand::row, "No playlists.");
    }
  }

  /** {@code playlists create}. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a playlist.")
  static final class Create extends BaseCommand {

    @Option(names = "--title", required = true, paramLabel = "TITLE", description = "Its title.")
    String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "Its description.")
    String description;

    @Option(
        names = "--privacy",
        paramLabel = "PRIVACY",
        defaultValue = "private",
        description = "private (default), unlisted or public.")
    String privacy;

    @Override
    int run() {
      Playlist created =
          client()
              .playlists()
              .insert(
                  Playlist.builder()
                      .snippet(
                          PlaylistSnippet.builder().title(title).description(description).build())
                      .status(
                          PlaylistStatus.builder()
                              .privacyStatus(PlaylistStatus.PrivacyStatus.of(privacy(privacy)))
                              .build())
                      .build())
              .execute();
      if (json()) {
        printJson(created);
      } else {
        out()
            .println(
                Terminal.printable(
                    "Created playlist "
                        + created.id()
                        + ": "
                        + (created.snippet() == null ? title : created.snippet().title())
                        + " ("
                        + (created.status() == null
                            ? privacy
                            : text(created.status().privacyStatus()))
                        + ")"));
        out().flush();
      }
      return ExitCodes.OK;
    }
  }

  /** Checks a privacy status: {@code private}, {@code unlisted} or {@code public}. */
  static String privacy(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!List.of("private", "unlisted", "public").contains(lower)) {
      throw CliException.usage(
          "--privacy must be private, unlisted or public, not '" + value + "'", null);
    }
    return lower;
  }
}
