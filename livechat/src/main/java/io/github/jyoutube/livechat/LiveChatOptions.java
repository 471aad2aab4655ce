package io.github.jyoutube.livechat;

import io.github.jyoutube.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * Which chat to read and how: start with {@link #forVideo(String)} or {@link #forChat(String)},
 * then change what you need; every {@code with…} returns a copy.
 *
 * <pre>{@code
 * LiveChatOptions.forVideo("VIDEO_ID").withTransport(Transport.POLLING).withBufferSize(200);
 * }</pre>
 */
public final class LiveChatOptions {

  private final String videoId;
  private final String liveChatId;
  private final Transport transport;
  private final int bufferSize;
  private final int dedupWindow;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final int maxFailures;
  private final Sleeper sleeper;
  private final Duration keepAlive;
  private final Duration defaultPollingInterval;
  private final String language;
  private final int profileImageSize;

  private LiveChatOptions(Draft d) {
    this.videoId = d.videoId;
    this.liveChatId = d.liveChatId;
    this.transport = d.transport;
    this.bufferSize = d.bufferSize;
    this.dedupWindow = d.dedupWindow;
    this.backoffBase = d.backoffBase;
    this.backoffMax = d.backoffMax;
    this.maxFailures = d.maxFailures;
    this.sleeper = d.sleeper;
    this.keepAlive = d.keepAlive;
    this.defaultPollingInterval = d.defaultPollingInterval;
    this.language = d.language;
    this.profileImageSize = d.profileImageSize;
  }

  /** The settings of one copy while a {@code with…} changes some of them. */
  private static final class Draft {
    String videoId;
    String liveChatId;
    Transport transport;
    int bufferSize;
    int dedupWindow;
    Duration backoffBase;
    Duration backoffMax;
    int maxFailures;
    Sleeper sleeper;
    Duration keepAlive;
    Duration defaultPollingInterval;
    String language;
    int profileImageSize;
  }

  /** A copy of these options with {@code change} applied. */
  private LiveChatOptions with(java.util.function.Consumer<Draft> change) {
    Draft d = new Draft();
    d.videoId = videoId;
    d.liveChatId = liveChatId;
    d.transport = transport;
    d.bufferSize = bufferSize;
    d.dedupWindow = dedupWindow;
    d.backoffBase = backoffBase;
    d.backoffMax = backoffMax;
    d.maxFailures = maxFailures;
    d.sleeper = sleeper;
    d.keepAlive = keepAlive;
    d.defaultPollingInterval = defaultPollingInterval;
    d.language = language;
    d.profileImageSize = profileImageSize;
    change.accept(d);
    return new LiveChatOptions(d);
  }

  /**
   * The chat of a live (or upcoming) video: its id is read from {@code videos.list}'s {@code
   * liveStreamingDetails.activeLiveChatId} when connecting.
   *
   * @param videoId the video id
   * @return the chat of a live (or upcoming) video: its id is read from {@code videos.list}'s
   *     {@code liveStreamingDetails.activeLiveChatId} when connecting
   */
  public static LiveChatOptions forVideo(String videoId) {
    return defaults(requireText(videoId, "videoId"), null);
  }

  /**
   * A chat by its id ({@code liveChatId}), as a broadcast's {@code snippet.liveChatId} gives.
   *
   * @param liveChatId the live chat id
   * @return a chat by its id ({@code liveChatId}), as a broadcast's {@code snippet.liveChatId}
   *     gives
   */
  public static LiveChatOptions forChat(String liveChatId) {
    return defaults(null, requireText(liveChatId, "liveChatId"));
  }

  private static LiveChatOptions defaults(String videoId, String liveChatId) {
    Draft d = new Draft();
    d.videoId = videoId;
    d.liveChatId = liveChatId;
    d.transport = Transport.AUTO;
    d.bufferSize = 1000;
    d.dedupWindow = 10_000;
    d.backoffBase = Duration.ofMillis(250);
    d.backoffMax = Duration.ofSeconds(30);
    d.maxFailures = 8;
    d.sleeper = Sleeper.system();
    d.keepAlive = Duration.ofSeconds(60);
    d.defaultPollingInterval = Duration.ofSeconds(5);
    return new LiveChatOptions(d);
  }

  /** {@return the video whose chat to read, or {@code null} when the chat was named} */
  public String videoId() {
    return videoId;
  }

  /** {@return the chat to read, or {@code null} when a video was named} */
  public String liveChatId() {
    return liveChatId;
  }

  /** {@return how to read: {@link Transport#AUTO} by default} */
  public Transport transport() {
    return transport;
  }

  /** {@return the most events read ahead of the consumer (1,000 by default); then reading waits} */
  public int bufferSize() {
    return bufferSize;
  }

  /** {@return how many delivered messages are remembered to drop repeats (10,000 by default)} */
  public int dedupWindow() {
    return dedupWindow;
  }

  /**
   * {@return the first wait before reconnecting after a failure (250 ms by default), doubled each
   * time}
   */
  public Duration backoffBase() {
    return backoffBase;
  }

  /** {@return the longest wait before reconnecting (30 s by default)} */
  public Duration backoffMax() {
    return backoffMax;
  }

  /**
   * How many attempts in a row may fail without delivering anything new (8 by default) before the
   * chat fails, or, with {@link Transport#AUTO}, before gRPC gives way to polling.
   *
   * @return how many attempts in a row may fail without delivering anything new (8 by default)
   *     before the chat fails, or, with {@link Transport#AUTO}, before gRPC gives way to polling
   */
  public int maxFailures() {
    return maxFailures;
  }

  /** {@return what waits between attempts and polls; tests pass one that does not sleep} */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** {@return how often an idle gRPC connection is checked with a ping (60 s by default)} */
  public Duration keepAlive() {
    return keepAlive;
  }

  /** {@return the wait between polls when the server names none (5 s by default)} */
  public Duration defaultPollingInterval() {
    return defaultPollingInterval;
  }

  /** {@return the language of system messages ({@code hl}), or {@code null} for the server's} */
  public String language() {
    return language;
  }

  /** {@return the size of profile images, 16 to 720, or 0 for the server's default} */
  public int profileImageSize() {
    return profileImageSize;
  }

  /**
   * A copy with another transport.
   *
   * @param transport the transport
   * @return a copy with another transport
   */
  public LiveChatOptions withTransport(Transport transport) {
    return with(d -> d.transport = Objects.requireNonNull(transport, "transport == null"));
  }

  /**
   * A copy with another read-ahead buffer, 1 to 1,000,000 events.
   *
   * @param events the events
   * @return a copy with another read-ahead buffer, 1 to 1,000,000 events
   */
  public LiveChatOptions withBufferSize(int events) {
    if (events < 1 || events > 1_000_000) {
      throw new IllegalArgumentException("bufferSize must be 1 to 1000000: " + events);
    }
    return with(d -> d.bufferSize = events);
  }

  /**
   * A copy that remembers another number of delivered messages, 1 to 10,000,000.
   *
   * @param messages the messages
   * @return a copy that remembers another number of delivered messages, 1 to 10,000,000
   */
  public LiveChatOptions withDedupWindow(int messages) {
    if (messages < 1 || messages > 10_000_000) {
      throw new IllegalArgumentException("dedupWindow must be 1 to 10000000: " + messages);
    }
    return with(d -> d.dedupWindow = messages);
  }

  /**
   * A copy with another backoff: {@code base} doubled per failure, at most {@code max}, jittered.
   *
   * @param base the base
   * @param max the max
   * @return a copy with another backoff: {@code base} doubled per failure, at most {@code max},
   *     jittered
   */
  public LiveChatOptions withBackoff(Duration base, Duration max) {
    Objects.requireNonNull(base, "base == null");
    Objects.requireNonNull(max, "max == null");
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 <= base <= max: " + base + ", " + max);
    }
    return with(
        d -> {
          d.backoffBase = base;
          d.backoffMax = max;
        });
  }

  /**
   * A copy that allows another number of failed attempts in a row, 1 to 1,000.
   *
   * @param attempts the attempts
   * @return a copy that allows another number of failed attempts in a row, 1 to 1,000
   */
  public LiveChatOptions withMaxFailures(int attempts) {
    if (attempts < 1 || attempts > 1000) {
      throw new IllegalArgumentException("maxFailures must be 1 to 1000: " + attempts);
    }
    return with(d -> d.maxFailures = attempts);
  }

  /**
   * A copy with another sleeper.
   *
   * @param sleeper the sleeper
   * @return a copy with another sleeper
   */
  public LiveChatOptions withSleeper(Sleeper sleeper) {
    return with(d -> d.sleeper = Objects.requireNonNull(sleeper, "sleeper == null"));
  }

  /**
   * A copy with another keep-alive ping interval, at least 10 s (gRPC's floor).
   *
   * @param interval the interval
   * @return a copy with another keep-alive ping interval, at least 10 s (gRPC's floor)
   */
  public LiveChatOptions withKeepAlive(Duration interval) {
    Objects.requireNonNull(interval, "interval == null");
    if (interval.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException("keepAlive must be at least 10 s: " + interval);
    }
    return with(d -> d.keepAlive = interval);
  }

  /**
   * A copy with another wait between polls for when the server names none; positive.
   *
   * @param interval the interval
   * @return a copy with another wait between polls for when the server names none; positive
   */
  public LiveChatOptions withDefaultPollingInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval == null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("defaultPollingInterval must be positive: " + interval);
    }
    return with(d -> d.defaultPollingInterval = interval);
  }

  /**
   * A copy whose system messages are in {@code hl}, such as {@code fr}.
   *
   * @param hl the hl
   * @return a copy whose system messages are in {@code hl}, such as {@code fr}
   */
  public LiveChatOptions withLanguage(String hl) {
    return with(d -> d.language = requireText(hl, "hl"));
  }

  /**
   * A copy asking for profile images of {@code pixels}, 16 to 720.
   *
   * @param pixels the pixels
   * @return a copy asking for profile images of {@code pixels}, 16 to 720
   */
  public LiveChatOptions withProfileImageSize(int pixels) {
    if (pixels < 16 || pixels > 720) {
      throw new IllegalArgumentException("profileImageSize must be 16 to 720: " + pixels);
    }
    return with(d -> d.profileImageSize = pixels);
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  @Override
  public String toString() {
    return "LiveChatOptions["
        + (videoId != null ? "video=" + videoId : "chat=" + liveChatId)
        + ", "
        + transport
        + ", buffer="
        + bufferSize
        + "]";
  }
}
