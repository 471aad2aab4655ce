package io.github.jyoutube.cli;

import io.github.jyoutube.recipes.ResolvedChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jyoutube channel resolve}: the channel a handle or URL means, at the fewest units. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "The channel id of whatever you paste: @handle, youtube.com/@handle, /channel/UC…, /c/name,"
          + " /user/name, a video, shorts or playlist URL.",
      "An id costs no quota unit, a handle, username, video or playlist one; nothing is searched"
          + " unless --search is given."
    })
final class ResolveChannelCommand extends BaseCommand {

  @Parameters(arity = "1..*", paramLabel = "CHANNEL", description = "What to resolve.")
  List<String> inputs;

  @Option(
      names = "--search",
      description =
          "For a custom name that is neither a handle nor a username, search by name"
              + " (one search.list call, a guess).")
  boolean search;

  @Override
  int run() {
    List<ResolvedChannel> found = new ArrayList<>();
    for (String input : inputs) {
      found.add(client().recipes().resolveChannel(input, search));
    }
    if (json()) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (ResolvedChannel channel : found) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("input", channel.input());
        item.put("channelId", channel.channelId());
        item.put("via", channel.via().name());
        item.put("calls", channel.calls());
        Map<String, Object> units = new LinkedHashMap<>();
        channel.units().forEach((bucket, count) -> units.put(bucket.name(), count));
        item.put("units", units);
        items.add(item);
      }
      printJson(Map.of("items", items));
      return ExitCodes.OK;
    }
    Table table = new Table("CHANNEL", "VIA", "UNITS", "INPUT");
    for (ResolvedChannel channel : found) {
      table.row(
          channel.channelId(),
          channel.via().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
          channel.totalUnits(),
          channel.input());
    }
    table.print(out(), "Nothing resolved.");
    return ExitCodes.OK;
  }
}
