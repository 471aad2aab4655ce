package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Channels and videos in volume, beside the seeded dataset: for tests and benchmarks that need a
 * channel with thousands of uploads or a search with thousands of results. They have the seeded
 * resources' shape; ids derive from the channel and the video's number, so that the same calls make
 * the same ids.
 */
final class Volume {

  private static final Pattern CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");
  private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9._-]{3,30}");

  /** The most videos one call adds, to keep a typo from filling the memory. */
  static final int MAX_VIDEOS = 100_000;

  private Volume() {}

  /** Adds a public channel; its uploads playlist is {@code UU} and the rest of its id. */
  static void channel(Store store, String channelId, String title, String handle) {
    if (channelId == null || !CHANNEL_ID.matcher(channelId).matches()) {
      throw new IllegalArgumentException(
          "a channel id is UC and 22 characters of A-Z a-z 0-9 - _: " + channelId);
    }
    if (handle == null || !HANDLE.matcher(handle).matches()) {
      throw new IllegalArgumentException(
          "a handle is @ and 3 to 30 characters of A-Z a-z 0-9 . _ -: " + handle);
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title is missing");
    }
    if (store.get(Kinds.CHANNEL, channelId) != null) {
      throw new IllegalArgumentException("channel " + channelId + " exists already");
    }
    String lower = handle.toLowerCase(Locale.ROOT);
    for (ObjectNode other : store.all(Kinds.CHANNEL)) {
      if (lower.equalsIgnoreCase(String.valueOf(Jsons.str(other, "snippet.customUrl")))) {
        throw new IllegalArgumentException("handle " + handle + " is taken");
      }
    }
    String description = title + ": a channel added to the jyoutube emulator in volume.";
    ObjectNode channel =
        of(
            "kind",
            Kinds.CHANNEL,
            "id",
            channelId,
            "snippet",
            of(
                "title",
                title,
                "description",
                description,
                "customUrl",
                lower,
                "publishedAt",
                "2015-06-01T12:00:00Z",
                "thumbnails",
                Seed.channelThumbnails(lower),
                "localized",
                of("title", title, "description", description),
                "country",
                "US"),
            "contentDetails",
            of("relatedPlaylists", of("uploads", "UU" + channelId.substring(2))),
            "statistics",
            of(
                "viewCount", "0",
                "subscriberCount", "0",
                "hiddenSubscriberCount", false,
                "videoCount", "0"),
            "status",
            Seed.channelStatus());
    store.put(Kinds.CHANNEL, channel);
  }

  /**
   * Adds {@code count} public videos to a channel, titled {@code title #1} to {@code title #count},
   * the first published at {@code first}, each next one {@code spacing} later.
   *
   * @return their ids, in the order published
   */
  static List<String> videos(
      Store store, String channelId, String title, int count, Instant first, Duration spacing) {
    ObjectNode channel = store.get(Kinds.CHANNEL, channelId);
    if (channel == null) {
      throw new IllegalArgumentException("no such channel: " + channelId);
    }
    if (count < 0 || count > MAX_VIDEOS) {
      throw new IllegalArgumentException("count must be 0 to " + MAX_VIDEOS + ": " + count);
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title is missing");
    }
    if (first == null || spacing == null || spacing.isNegative()) {
      throw new IllegalArgumentException("first and a spacing >= 0 are needed");
    }
    String channelTitle = Jsons.str(channel, "snippet.title");
    int existing =
        store.find(Kinds.VIDEO, n -> channelId.equals(Jsons.str(n, "snippet.channelId"))).size();
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int number = existing + i + 1;
      String id = Ids.derived("volume:" + channelId + ":" + number, 11);
      if (store.get(Kinds.VIDEO, id) != null) {
        id = Ids.derived("volume:" + channelId + ":" + number + ":" + title, 11);
      }
      String name = title + " #" + (i + 1);
      String description = name + ". A video added to the jyoutube emulator in volume.";
      long views = 100L + (number * 7919L) % 100_000;
      ObjectNode video =
          of(
              "kind",
              Kinds.VIDEO,
              "id",
              id,
              "snippet",
              of(
                  "publishedAt",
                  Jsons.time(first.plus(spacing.multipliedBy(i))),
                  "channelId",
                  channelId,
                  "title",
                  name,
                  "description",
                  description,
                  "thumbnails",
                  Seed.videoThumbnails(id),
                  "channelTitle",
                  channelTitle,
                  "categoryId",
                  "22",
                  "liveBroadcastContent",
                  "none",
                  "localized",
                  of("title", name, "description", description)),
              "contentDetails",
              of(
                  "duration", "PT" + (30 + number % 600) + "S",
                  "dimension", "2d",
                  "definition", "hd",
                  "caption", "false",
                  "licensedContent", false,
                  "contentRating", of(),
                  "projection", "rectangular"),
              "status",
              Seed.videoStatus("public"),
              "statistics",
              Seed.videoStatistics(views),
              "player",
              of("embedHtml", Seed.embed(id)));
      store.put(Kinds.VIDEO, video);
      ids.add(id);
    }
    return ids;
  }
}
