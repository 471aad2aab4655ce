package io.github.jyoutube.recipes;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.resource.SearchResource;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

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

  /**
   * A search past the API's limit of about 500 results, splitting the {@code publishedAfter}/{@code
   * publishedBefore} window while a window reports more; see {@link SearchAll}.
   *
   * <pre>{@code
   * cli.recipes().searchAll(s -> s.q("lofi").type("video")).stream().count();
   * }</pre>
   *
   * @param configure sets the search's parameters on a fresh {@code search().list()} request, once
   *     per call the walk makes; the walk sets {@code publishedAfter}, {@code publishedBefore},
   *     {@code maxResults} and {@code pageToken} after it
   * @return the search, not started
   * @throws IllegalArgumentException if the configured window is empty or malformed
   */
  public SearchAll searchAll(Consumer<SearchResource.ListRequest> configure) {
    return new SearchAll(client, clock, configure);
  }

  /**
   * The channel a user means by what they pasted, at the fewest units: a channel id, a {@code
   * /channel/} URL or an uploads playlist's id costs nothing; a handle ({@code @name}, {@code
   * youtube.com/@name}) or a {@code /user/} URL one unit ({@code channels.list} with {@code
   * forHandle} or {@code forUsername}); a video, shorts or live URL one unit ({@code videos.list});
   * a playlist URL one unit ({@code playlists.list}); a {@code /c/} URL or a bare name tries the
   * handle, then the username. Search is never used; see {@link #resolveChannel(String, boolean)}.
   *
   * @param input what the user gave
   * @return the channel, how it was found and what that cost
   * @throws io.github.jyoutube.error.UnresolvedChannelException naming the input and why: not a
   *     channel reference, nothing found, or a form the API has no lookup for
   */
  public ResolvedChannel resolveChannel(String input) {
    return resolveChannel(input, false);
  }

  /**
   * {@link #resolveChannel(String)}, with, if {@code searchAsLastResort}, a {@code search.list} for
   * channels by name when a custom name is neither a handle nor a username: one call of the search
   * bucket, and a guess ({@link ResolvedChannel.Via#SEARCH}).
   *
   * @param input what the user gave
   * @param searchAsLastResort whether a custom name may be searched for
   * @return the channel, how it was found and what that cost
   * @throws io.github.jyoutube.error.UnresolvedChannelException naming the input and why
   */
  public ResolvedChannel resolveChannel(String input, boolean searchAsLastResort) {
    return new ChannelResolver(client, searchAsLastResort).resolve(input);
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
