package io.github.jyoutube.recipes;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.QuotaCost;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.UnresolvedChannelException;
import io.github.jyoutube.error.UnresolvedChannelException.Reason;
import io.github.jyoutube.model.Channel;
import io.github.jyoutube.model.ChannelListResponse;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistListResponse;
import io.github.jyoutube.model.SearchListResponse;
import io.github.jyoutube.model.SearchResult;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoListResponse;
import io.github.jyoutube.resource.ApiRequest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link ChannelReference} into a channel id at the fewest calls. */
final class ChannelResolver {

  private final YouTubeClient client;
  private final boolean searchAsLastResort;
  private final Map<QuotaBucket, Long> units = new EnumMap<>(QuotaBucket.class);
  private int calls;

  ChannelResolver(YouTubeClient client, boolean searchAsLastResort) {
    this.client = client;
    this.searchAsLastResort = searchAsLastResort;
  }

  ResolvedChannel resolve(String input) {
    ChannelReference reference = ChannelReference.parse(input);
    String value = reference.value();
    return switch (reference.kind()) {
      case CHANNEL_ID -> found(value, input, ResolvedChannel.Via.CHANNEL_ID);
      case UPLOADS_PLAYLIST -> found(value, input, ResolvedChannel.Via.UPLOADS_PLAYLIST);
      case HANDLE -> {
        String id = byHandle(value);
        if (id == null) {
          throw notFound(input, "no channel has the handle " + value);
        }
        yield found(id, input, ResolvedChannel.Via.HANDLE);
      }
      case USERNAME -> {
        String id = byUsername(value);
        if (id == null) {
          throw notFound(input, "no channel has the username " + value);
        }
        yield found(id, input, ResolvedChannel.Via.USERNAME);
      }
      case CUSTOM_NAME -> customName(input, value);
      case VIDEO -> {
        VideoListResponse answer =
            charged(client.videos().list().id(value).part("snippet")).execute();
        List<Video> videos = answer.items() == null ? List.of() : answer.items();
        if (videos.isEmpty() || videos.get(0).snippet() == null) {
          throw notFound(input, "no video " + value + " (or it is private)");
        }
        yield found(videos.get(0).snippet().channelId(), input, ResolvedChannel.Via.VIDEO);
      }
      case PLAYLIST -> {
        PlaylistListResponse answer =
            charged(client.playlists().list().id(value).part("snippet")).execute();
        List<Playlist> playlists = answer.items() == null ? List.of() : answer.items();
        if (playlists.isEmpty() || playlists.get(0).snippet() == null) {
          throw notFound(input, "no playlist " + value + " (or it is private)");
        }
        yield found(playlists.get(0).snippet().channelId(), input, ResolvedChannel.Via.PLAYLIST);
      }
    };
  }

  /** {@code /c/name} and the like: a handle more often than not, else a username. */
  private ResolvedChannel customName(String input, String name) {
    String id = byHandle("@" + name);
    if (id != null) {
      return found(id, input, ResolvedChannel.Via.HANDLE);
    }
    id = byUsername(name);
    if (id != null) {
      return found(id, input, ResolvedChannel.Via.USERNAME);
    }
    if (!searchAsLastResort) {
      throw new UnresolvedChannelException(
          input,
          Reason.NO_LOOKUP,
          "'"
              + name
              + "' is neither a handle nor a username, and the API has no lookup for custom"
              + " URLs (searching for it by name is allowed with searchAsLastResort)");
    }
    SearchListResponse answer =
        charged(client.search().list().q(name).type("channel").maxResults(1)).execute();
    List<SearchResult> results = answer.items() == null ? List.of() : answer.items();
    if (results.isEmpty() || results.get(0).id() == null) {
      throw notFound(
          input, "no channel has the handle or username '" + name + "', nor is found by it");
    }
    return found(results.get(0).id().channelId(), input, ResolvedChannel.Via.SEARCH);
  }

  private String byHandle(String handle) {
    return onlyChannel(charged(client.channels().list().forHandle(handle).part("id")).execute());
  }

  private String byUsername(String username) {
    return onlyChannel(
        charged(client.channels().list().forUsername(username).part("id")).execute());
  }

  private static String onlyChannel(ChannelListResponse answer) {
    List<Channel> channels = answer.items() == null ? List.of() : answer.items();
    return channels.isEmpty() ? null : channels.get(0).id();
  }

  /** Counts the call {@code request} is about to make. */
  private <R extends ApiRequest<?, R>> R charged(R request) {
    QuotaCost cost = request.quotaCost();
    calls++;
    units.merge(cost.bucket(), (long) cost.units(), Long::sum);
    return request;
  }

  private ResolvedChannel found(String channelId, String input, ResolvedChannel.Via via) {
    if (channelId == null) {
      throw notFound(input, "the API's answer names no channel");
    }
    return new ResolvedChannel(channelId, input, via, calls, units);
  }

  private static UnresolvedChannelException notFound(String input, String why) {
    return new UnresolvedChannelException(input, Reason.NOT_FOUND, why);
  }
}
