package io.github.jyoutube.cli;

import io.github.jyoutube.model.Channel;
import io.github.jyoutube.resource.ChannelsResource;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jyoutube channels}. */
@Command(
    name = "channels",
    aliases = "channel",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "YouTube channels.",
    subcommands = {ChannelsCommand.ListChannels.class, ResolveChannelCommand.class})
final class ChannelsCommand extends GroupCommand {

  /** {@code channels list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List your channel (--mine), or channels by ID or handle.")
  static final class ListChannels extends BaseCommand {

    @Option(names = "--mine", description = "The signed-in account's channels.")
    boolean mine;

    @Option(names = "--id", paramLabel = "ID", split = ",", description = "Channel IDs.")
    List<String> ids;

    @Option(names = "--handle", paramLabel = "@NAME", description = "A channel handle.")
    String handle;

    @Option(
        names = "--max",
        paramLabel = "N",
        defaultValue = "50",
        description = "At most N channels (default: ${DEFAULT-VALUE}).")
    long max;

    @Override
    int run() {
      int filters = (mine ? 1 : 0) + (ids != null ? 1 : 0) + (handle != null ? 1 : 0);
      if (filters != 1) {
        throw CliException.usage(
            "say which channels: one of --mine, --id ID or --handle @NAME", null);
      }
      ChannelsResource.ListRequest request = client().channels().list();
      if (mine) {
        request.mine(true);
      } else if (ids != null) {
        request.id(ids.toArray(String[]::new));
      } else {
        request.forHandle(handle);
      }
      return printList(
          request.maxItems(max).pages(),
          max,
          new Table("ID", "TITLE", "HANDLE", "SUBSCRIBERS", "VIDEOS", "VIEWS"),
          ListChannels::row,
          "No channels.");
    }

    private static Object[] row(Channel c) {
      var s = c.snippet();
      var st = c.statistics();
      return new Object[] {
        c.id(),
        s == null ? null : s.title(),
        s == null ? null : s.customUrl(),
        st == null ? null : st.subscriberCount(),
        st == null ? null : st.videoCount(),
        st == null ? null : st.viewCount()
      };
    }
  }
}
