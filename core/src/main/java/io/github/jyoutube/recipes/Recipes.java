package io.github.jyoutube.recipes;

import io.github.jyoutube.YouTubeClient;
import java.time.Clock;
import java.util.Objects;

/**
 * The common jobs done at the fewest quota units: every upload of a channel, a search past the
 * API's 500 results, a channel from whatever a user pasted. Obtained from {@link
 * YouTubeClient#recipes()}; each recipe makes ordinary calls through that client, so its quota
 * meter, retries and options apply.
 */
public final class Recipes {

  private final YouTubeClient client;
  private final Clock clock;

  /**
   * Creates the recipes of a client; {@link YouTubeClient#recipes()} does it for you.
   *
   * @param client the client that makes the calls
   * @param clock tells a search without {@code publishedBefore} what now is
   */
  public Recipes(YouTubeClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Every upload of a channel through its uploads playlist, at one unit per 50 videos (two with
   * {@link ChannelUploads#videos() details}).
   *
   * @param channelId the channel's id, {@code UC…}
   * @return the walk, not started
   * @throws IllegalArgumentException if {@code channelId} does not start with {@code UC}
   */
  public ChannelUploads uploads(String channelId) {
    return new ChannelUploads(client, channelId);
  }

  /** The clock of this client. */
  Clock clock() {
    return clock;
  }

  /** The client that makes the calls. */
  YouTubeClient client() {
    return client;
  }

  @Override
  public String toString() {
    return "Recipes[" + client.endpoints().api() + "]";
  }
}
