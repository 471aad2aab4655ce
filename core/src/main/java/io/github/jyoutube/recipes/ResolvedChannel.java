package io.github.jyoutube.recipes;

import io.github.jyoutube.QuotaBucket;
import java.util.Map;
import java.util.Objects;

/**
 * A channel found from what a user gave, and what finding it cost.
 *
 * @param channelId the channel's id, {@code UC…}
 * @param input the text as given
 * @param via how it was found
 * @param calls the API calls made
 * @param units the quota units spent, per bucket; empty when none was spent
 */
public record ResolvedChannel(
    String channelId, String input, Via via, int calls, Map<QuotaBucket, Long> units) {

  /** How a channel was found. */
  public enum Via {
    /** The text held the channel id (a bare id, a {@code /channel/} URL): no call. */
    CHANNEL_ID,
    /** An uploads playlist's id ({@code UU…}), which is the channel's: no call. */
    UPLOADS_PLAYLIST,
    /** {@code channels.list} with {@code forHandle}. */
    HANDLE,
    /** {@code channels.list} with {@code forUsername}. */
    USERNAME,
    /** {@code videos.list}: the video's uploader. */
    VIDEO,
    /** {@code playlists.list}: the playlist's owner. */
    PLAYLIST,
    /** {@code search.list} for channels by name: the best match, a guess. */
    SEARCH
  }

  /**
   * Checks the parts and copies the units.
   *
   * @param channelId the channel's id
   * @param input what was given to resolve
   * @param via how the channel was found
   * @param calls the API calls it took
   * @param units the quota units they cost
   */
  public ResolvedChannel {
    Objects.requireNonNull(channelId, "channelId == null");
    Objects.requireNonNull(input, "input == null");
    Objects.requireNonNull(via, "via == null");
    units = Map.copyOf(units);
  }

  /** {@return the units spent from every bucket together} */
  public long totalUnits() {
    return units.values().stream().mapToLong(Long::longValue).sum();
  }
}
