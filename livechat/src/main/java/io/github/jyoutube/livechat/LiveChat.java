package io.github.jyoutube.livechat;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.ErrorBody;
import io.github.jyoutube.error.ErrorDetail;
import io.github.jyoutube.error.YouTubeException;
import io.github.jyoutube.model.ChannelProfileDetails;
import io.github.jyoutube.model.LiveChatBan;
import io.github.jyoutube.model.LiveChatBanSnippet;
import io.github.jyoutube.model.LiveChatMessage;
import io.github.jyoutube.model.LiveChatMessageSnippet;
import io.github.jyoutube.model.LiveChatModerator;
import io.github.jyoutube.model.LiveChatModeratorSnippet;
import io.github.jyoutube.model.LiveChatTextMessageDetails;
import io.github.jyoutube.model.Video;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A YouTube live chat, read in real time and written to, whatever the transport.
 *
 * <pre>{@code
 * try (LiveChat chat = LiveChat.connect(cli, LiveChatOptions.forVideo("VIDEO_ID"))) {
 *   chat.events().forEach(event -> {
 *     if (event instanceof ChatEvent.TextMessage m && m.text().equals("!ping")) {
 *       chat.send("pong");
 *     }
 *   });
 * }
 * }</pre>
 *
 * <p><b>Reading.</b> Take the events one way: {@link #events()} (a blocking {@link Stream} that
 * ends with the chat), {@link #listen(ChatListener)} (a thread of the chat's calls the listener) or
 * {@link #publisher()} (a {@link Flow.Publisher} that honours demand). Reading starts then, over
 * the gRPC stream {@code liveChatMessages.streamList} at {@link
 * io.github.jyoutube.Endpoints#grpc()}, or by polling {@code liveChatMessages.list} ({@link
 * Transport}). Every message comes once and in order, across dropped streams, resumes and a change
 * of transport; a chat that ends ({@code chatEndedEvent}, {@code offlineAt}) ends the stream
 * normally. A chat that cannot be read ends it with the library's exceptions: {@link
 * io.github.jyoutube.error.ForbiddenException}, {@link io.github.jyoutube.error.NotFoundException},
 * {@link io.github.jyoutube.error.UnauthorizedException} (after one renewal of the token), {@link
 * io.github.jyoutube.error.QuotaExceededException}, or {@link
 * io.github.jyoutube.error.TransportException} when every retry failed.
 *
 * <p><b>Slow consumers.</b> At most {@link LiveChatOptions#bufferSize()} events wait for the
 * consumer; then reading waits too, the gRPC stream's flow control holds the server back, and the
 * chat goes on where it stopped when the consumer catches up. Nothing is dropped and memory stays
 * bounded.
 *
 * <p><b>Writing.</b> {@link #send}, {@link #delete}, {@link #ban}, {@link #banPermanently}, {@link
 * #unban}, {@link #addModerator} and {@link #removeModerator} call the REST methods, as the
 * client's other calls do (retries, quota meter); they need the chat's owner or a moderator, except
 * {@code send}.
 *
 * <p>A chat is safe to use from several threads; {@link #close()} stops reading at once.
 */
public final class LiveChat implements AutoCloseable {

  /** The longest text message YouTube takes, in characters. */
  public static final int MAX_MESSAGE_LENGTH = 200;

  private final YouTubeClient cli;
  private final String chatId;
  private final ChatReader reader;
  private final AtomicBoolean consuming = new AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean finished;

  private LiveChat(YouTubeClient cli, String chatId, LiveChatOptions options) {
    this.cli = cli;
    this.chatId = chatId;
    this.reader = new ChatReader(cli, chatId, options);
  }

  /**
   * Opens a chat: finds its id (a {@code videos.list} call for {@link
   * LiveChatOptions#forVideo(String)}) and checks that the client has a credential. Reading starts
   * with {@link #events()}, {@link #listen} or {@link #publisher()}.
   *
   * @param cli the client whose credential, endpoints and quota meter the chat uses
   * @param options which chat and how
   * @return the chat; close it when done
   * @throws io.github.jyoutube.error.NotFoundException if the video does not exist or has no active
   *     chat (reason {@code videoNotFound} or {@code liveChatNotFound})
   * @throws IllegalStateException if the client has no credential
   */
  public static LiveChat connect(YouTubeClient cli, LiveChatOptions options) {
    Objects.requireNonNull(cli, "cli == null");
    Objects.requireNonNull(options, "options == null");
    cli.credentialHeader(); // fails now, not on the reading thread, when there is none
    String chatId = options.liveChatId();
    if (chatId == null) {
      chatId = activeChatOf(cli, options.videoId());
    }
    return new LiveChat(cli, chatId, options);
  }

  private static String activeChatOf(YouTubeClient cli, String videoId) {
    List<Video> videos =
        cli.videos().list().id(videoId).part("id", "liveStreamingDetails").execute().items();
    if (videos == null || videos.isEmpty()) {
      throw notFound(
          "videoNotFound", "youtube.video", "The video " + videoId + " was not found.", "id");
    }
    var details = videos.get(0).liveStreamingDetails();
    if (details == null || details.activeLiveChatId() == null) {
      throw notFound(
          "liveChatNotFound",
          "youtube.liveChat",
          "The video "
              + videoId
              + " has no active live chat: it is not a live broadcast, or its chat has ended.",
          "liveStreamingDetails.activeLiveChatId");
    }
    return details.activeLiveChatId();
  }

  private static ApiException notFound(
      String reason, String domain, String message, String location) {
    return ApiException.of(
        new ErrorBody(
            404,
            message,
            "NOT_FOUND",
            List.of(new ErrorDetail(reason, domain, message, location, "parameter")),
            "",
            Map.of()));
  }

  /** {@return the chat's id ({@code liveChatId})} */
  public String id() {
    return chatId;
  }

  /** {@return how the chat is read now: {@link Transport#GRPC}, or {@link Transport#POLLING}} */
  public Transport transport() {
    return reader.transport();
  }

  /** {@return what the chat has read and delivered so far} */
  public LiveChatStats stats() {
    return reader.stats();
  }

  /**
   * The page token the chat would resume from: the last {@code next_page_token} received, or {@code
   * null} before the first.
   *
   * @return the page token the chat would resume from: the last {@code next_page_token} received,
   *     or {@code null} before the first
   */
  public String resumeToken() {
    return reader.token();
  }

  // ---- reading ---------------------------------------------------------------------------------

  /**
   * The chat's events as a blocking, ordered stream, which ends when the chat ends or is closed.
   * Closing the stream closes the chat.
   *
   * @return the chat's events as a blocking, ordered stream, which ends when the chat ends or is
   *     closed
   * @throws IllegalStateException if the chat's events are already being taken
   * @throws YouTubeException from the stream's terminal operation, when the chat cannot be read
   */
  public Stream<ChatEvent> events() {
    start("events()");
    Iterator<ChatEvent> iterator =
        new Iterator<>() {
          private ChatEvent next;

          @Override
          public boolean hasNext() {
            if (next == null) {
              next = take();
            }
            return next != null;
          }

          @Override
          public ChatEvent next() {
            if (!hasNext()) {
              throw new NoSuchElementException("the chat has ended");
            }
            ChatEvent event = next;
            next = null;
            return event;
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * Calls {@code listener} with every event, in order, on a thread of the chat's, then {@link
   * ChatListener#onEnd()} or {@link ChatListener#onError}. A listener that throws closes the chat;
   * its exception goes to the thread's uncaught-exception handler.
   *
   * @param listener the listener
   * @throws IllegalStateException if the chat's events are already being taken
   */
  public void listen(ChatListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    start("listen()");
    Thread dispatcher =
        new Thread(
            () -> {
              try {
                ChatEvent event;
                while ((event = take()) != null) {
                  listener.onEvent(event);
                }
                if (!closed) {
                  listener.onEnd();
                }
              } catch (YouTubeException e) {
                listener.onError(e);
              } catch (RuntimeException | Error e) {
                close();
                throw e;
              }
            },
            "jyoutube-livechat-listener-" + DISPATCHERS.incrementAndGet());
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /**
   * The chat's events as a {@link Flow.Publisher} for one subscriber, sent as it requests them
   * (events wait in the bounded buffer, then at the server, meanwhile). Cancelling closes the chat.
   *
   * @return the chat's events as a {@link Flow.Publisher} for one subscriber, sent as it requests
   *     them (events wait in the bounded buffer, then at the server, meanwhile)
   * @throws IllegalStateException if the chat's events are already being taken
   */
  public Flow.Publisher<ChatEvent> publisher() {
    start("publisher()");
    AtomicBoolean subscribed = new AtomicBoolean();
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber == null");
      if (!subscribed.compareAndSet(false, true)) {
        subscriber.onSubscribe(
            new Flow.Subscription() {
              @Override
              public void request(long n) {}

              @Override
              public void cancel() {}
            });
        subscriber.onError(new IllegalStateException("this publisher has a subscriber already"));
        return;
      }
      new Delivery(subscriber).begin();
    };
  }

  /** One subscriber's delivery: a thread that sends events as demand allows. */
  private final class Delivery implements Flow.Subscription {
    private final Flow.Subscriber<? super ChatEvent> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private volatile boolean cancelled;
    private volatile Thread thread;

    Delivery(Flow.Subscriber<? super ChatEvent> subscriber) {
      this.subscriber = subscriber;
    }

    void begin() {
      subscriber.onSubscribe(this);
      Thread sender =
          new Thread(this::run, "jyoutube-livechat-publisher-" + DISPATCHERS.incrementAndGet());
      sender.setDaemon(true);
      thread = sender;
      sender.start();
    }

    private void run() {
      try {
        while (!cancelled) {
          synchronized (this) {
            while (demand.get() == 0 && !cancelled) {
              wait(250);
              if (closed) {
                return;
              }
            }
          }
          if (cancelled) {
            return;
          }
          ChatEvent event = take();
          if (event == null) {
            if (!cancelled) {
              subscriber.onComplete();
            }
            return;
          }
          demand.decrementAndGet();
          subscriber.onNext(event);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        if (!cancelled) {
          subscriber.onError(e);
        }
      }
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancel();
        subscriber.onError(new IllegalArgumentException("request(n) needs n > 0 (rule 3.9): " + n));
        return;
      }
      demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      synchronized (this) {
        notifyAll();
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      LiveChat.this.close();
      Thread sender = thread;
      if (sender != null && sender != Thread.currentThread()) {
        synchronized (this) {
          notifyAll();
        }
      }
    }
  }

  private void start(String how) {
    if (closed) {
      throw new IllegalStateException("the chat is closed");
    }
    if (!consuming.compareAndSet(false, true)) {
      throw new IllegalStateException(
          how + ": this chat's events are already being taken; open another LiveChat");
    }
    reader.start();
  }

  /** The next event, or {@code null} when the chat has ended or was closed. */
  private ChatEvent take() {
    while (!finished) {
      if (closed) {
        return null;
      }
      Object item;
      try {
        item = reader.buffer.poll(250, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        return null;
      }
      if (item == null) {
        continue;
      }
      if (item instanceof ChatEvent event) {
        return event;
      }
      finished = true;
      if (item instanceof ChatReader.Failure failure) {
        throw failure.error();
      }
    }
    return null;
  }

  // ---- writing ---------------------------------------------------------------------------------

  /**
   * Sends a text message as the client's user ({@code liveChatMessages.insert}).
   *
   * @param text 1 to {@value #MAX_MESSAGE_LENGTH} characters
   * @return the message as sent
   * @throws IllegalArgumentException if the text is blank or too long
   */
  public ChatEvent.TextMessage send(String text) {
    Objects.requireNonNull(text, "text == null");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a chat message cannot be blank");
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException(
          "a chat message has at most " + MAX_MESSAGE_LENGTH + " characters: " + length);
    }
    LiveChatMessage sent =
        cli.liveChatMessages()
            .insert(
                LiveChatMessage.builder()
                    .snippet(
                        LiveChatMessageSnippet.builder()
                            .liveChatId(chatId)
                            .type(LiveChatMessageSnippet.Type.TEXT_MESSAGE_EVENT)
                            .textMessageDetails(
                                LiveChatTextMessageDetails.builder().messageText(text).build())
                            .build())
                    .build())
            .execute();
    ChatEvent event = Events.of(sent);
    return event instanceof ChatEvent.TextMessage message
        ? message
        : new ChatEvent.TextMessage(sent.id(), event.publishedAt(), event.author(), text);
  }

  /**
   * Deletes a message ({@code liveChatMessages.delete}); readers get a {@link
   * ChatEvent.MessageDeleted}.
   *
   * @param messageId the message id
   */
  public void delete(String messageId) {
    cli.liveChatMessages().delete(requireText(messageId, "messageId")).execute();
  }

  /**
   * Bans a user from the chat for a time ({@code liveChatBans.insert}, type {@code temporary}).
   *
   * @param channelId the user's channel
   * @param duration how long, at least a second
   * @return the ban's id, for {@link #unban}
   */
  public String ban(String channelId, Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.getSeconds() < 1) {
      throw new IllegalArgumentException("a ban lasts at least a second: " + duration);
    }
    return ban(
        channelId, LiveChatBanSnippet.Type.TEMPORARY, BigInteger.valueOf(duration.getSeconds()));
  }

  /**
   * Bans a user from the chat for good ({@code liveChatBans.insert}, type {@code permanent}).
   *
   * @param channelId the channel id
   * @return the ban's id, for {@link #unban}
   */
  public String banPermanently(String channelId) {
    return ban(channelId, LiveChatBanSnippet.Type.PERMANENT, null);
  }

  private String ban(String channelId, LiveChatBanSnippet.Type type, BigInteger seconds) {
    LiveChatBan ban =
        cli.liveChatBans()
            .insert(
                LiveChatBan.builder()
                    .snippet(
                        LiveChatBanSnippet.builder()
                            .liveChatId(chatId)
                            .type(type)
                            .banDurationSeconds(seconds)
                            .bannedUserDetails(
                                ChannelProfileDetails.builder()
                                    .channelId(requireText(channelId, "channelId"))
                                    .build())
                            .build())
                    .build())
            .execute();
    return ban.id();
  }

  /**
   * Lifts a ban ({@code liveChatBans.delete}).
   *
   * @param banId the ban id
   */
  public void unban(String banId) {
    cli.liveChatBans().delete(requireText(banId, "banId")).execute();
  }

  /**
   * Makes a user a moderator of the chat ({@code liveChatModerators.insert}).
   *
   * @param channelId the channel id
   * @return the moderator's id, for {@link #removeModerator}
   */
  public String addModerator(String channelId) {
    LiveChatModerator moderator =
        cli.liveChatModerators()
            .insert(
                LiveChatModerator.builder()
                    .snippet(
                        LiveChatModeratorSnippet.builder()
                            .liveChatId(chatId)
                            .moderatorDetails(
                                ChannelProfileDetails.builder()
                                    .channelId(requireText(channelId, "channelId"))
                                    .build())
                            .build())
                    .build())
            .execute();
    return moderator.id();
  }

  /**
   * Removes a moderator ({@code liveChatModerators.delete}).
   *
   * @param moderatorId the moderator id
   */
  public void removeModerator(String moderatorId) {
    cli.liveChatModerators().delete(requireText(moderatorId, "moderatorId")).execute();
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  /** Stops reading and releases the connection; events not taken yet are dropped. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    reader.close();
    reader.buffer.clear();
  }

  /** Waits up to {@code timeout} for the reading thread to stop after {@link #close()}. */
  boolean awaitStopped(Duration timeout) throws InterruptedException {
    return reader.join(timeout);
  }

  @Override
  public String toString() {
    return "LiveChat[" + chatId + ", " + reader.transport() + (closed ? ", closed" : "") + "]";
  }

  private static final AtomicInteger DISPATCHERS = new AtomicInteger();
}
