package io.github.jyoutube.livechat;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.QuotaCost;
import io.github.jyoutube.QuotaMeter;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.CredentialHeader;
import io.github.jyoutube.error.BadRequestException;
import io.github.jyoutube.error.RateLimitedException;
import io.github.jyoutube.error.ServerErrorException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.UnauthorizedException;
import io.github.jyoutube.error.YouTubeException;
import io.github.jyoutube.livechat.proto.LiveChatMessageListRequest;
import io.github.jyoutube.livechat.proto.LiveChatMessageListResponse;
import io.github.jyoutube.livechat.proto.V3DataLiveChatMessageServiceGrpc;
import io.github.jyoutube.resource.LiveChatMessagesResource;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one chat on a thread of its own into a bounded buffer, in order, each message once.
 *
 * <p>Over gRPC it keeps the last {@code next_page_token} and, when the stream ends, drops or fails
 * with UNAVAILABLE, DEADLINE_EXCEEDED or INTERNAL, opens a new one from there, after a jittered,
 * doubling wait; UNAUTHENTICATED renews the token once (single-flight, in the client) and goes on;
 * other refusals end the chat with the library's exceptions. Polling reads {@code
 * liveChatMessages.list} from the same token, waiting {@code pollingIntervalMillis} between reads.
 * A message already delivered (a resume or a change of transport may bring it again) is dropped;
 * the active poll each response carries is delivered when its tallies or status have changed.
 *
 * <p>The buffer is bounded: when the consumer lags, the reader waits, gRPC's flow control stops the
 * server, and nothing is lost or held beyond the buffer and the connection's window.
 */
final class ChatReader implements Runnable {

  /** Put after the last event of a chat that ended. */
  static final Object END = new Object();

  /** Put when the chat cannot be read any more. */
  record Failure(RuntimeException error) {}

  /** One stream opened costs what a {@code streamList} call costs. */
  static final QuotaCost STREAM_COST = new QuotaCost(QuotaBucket.DEFAULT, 5, false);

  /** The most messages one poll asks for: {@code liveChatMessages.list}'s upper bound. */
  static final int MAX_PAGE = 2000;

  /** A stream open this long counts as progress, even if the chat was quiet. */
  private static final Duration HEALTHY = Duration.ofSeconds(10);

  private static final AtomicInteger THREADS = new AtomicInteger();

  private enum Kind {
    ENDED,
    CONTINUE,
    RETRY,
    UNAUTHENTICATED,
    BAD_TOKEN,
    UNSUPPORTED,
    FATAL
  }

  private record Outcome(
      Kind kind, boolean progress, YouTubeException error, CredentialHeader rejected) {
    static Outcome of(Kind kind, boolean progress) {
      return new Outcome(kind, progress, null, null);
    }
  }

  private final YouTubeClient cli;
  private final String chatId;
  private final LiveChatOptions options;
  private final URI target;
  final BlockingQueue<Object> buffer;
  private final SeenMessages seen;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong polls = new AtomicLong();
  private volatile String token;
  private volatile Transport active;
  private volatile boolean closed;
  private volatile Thread thread;
  private volatile Context.CancellableContext call;
  private volatile boolean streamed;
  private ManagedChannel channel;

  /**
   * The poll as last seen (a message or the active poll): {@code activePollItem} is news if not.
   */
  private ChatEvent.Poll lastPoll;

  ChatReader(YouTubeClient cli, String chatId, LiveChatOptions options) {
    this.cli = cli;
    this.chatId = chatId;
    this.options = options;
    this.target = cli.endpoints().grpc();
    this.buffer = new ArrayBlockingQueue<>(options.bufferSize());
    this.seen = new SeenMessages(options.dedupWindow());
    this.active = options.transport() == Transport.POLLING ? Transport.POLLING : Transport.GRPC;
  }

  void start() {
    Thread reader = new Thread(this, "jyoutube-livechat-" + THREADS.incrementAndGet());
    reader.setDaemon(true);
    thread = reader;
    reader.start();
  }

  @Override
  public void run() {
    Object last;
    try {
      read();
      last = END;
    } catch (InterruptedException e) {
      last = END;
    } catch (RuntimeException e) {
      last = new Failure(e);
    } finally {
      shutdownChannel();
    }
    if (!closed) {
      try {
        buffer.put(last);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops reading: cancels the stream or the wait, and ends the thread. */
  void close() {
    closed = true;
    Context.CancellableContext current = call;
    if (current != null) {
      current.cancel(null);
    }
    Thread reader = thread;
    if (reader != null) {
      reader.interrupt();
    }
  }

  /** Waits up to {@code timeout} for the reading thread to end. */
  boolean join(Duration timeout) throws InterruptedException {
    Thread reader = thread;
    if (reader == null) {
      return true;
    }
    reader.join(Math.max(1, timeout.toMillis()));
    return !reader.isAlive();
  }

  Transport transport() {
    return active;
  }

  String token() {
    return token;
  }

  LiveChatStats stats() {
    return new LiveChatStats(
        active, delivered.get(), duplicates.get(), connections.get(), polls.get(), buffer.size());
  }

  private void read() throws InterruptedException {
    int failures = 0;
    boolean renewed = false;
    while (!closed) {
      Outcome outcome = active == Transport.GRPC ? stream() : poll();
      if (outcome.kind() == Kind.ENDED) {
        return;
      }
      if (outcome.progress()) {
        failures = 0;
        renewed = false;
      }
      switch (outcome.kind()) {
        case CONTINUE -> {
          if (!outcome.progress()) {
            failures++;
            if (failures > options.maxFailures()) {
              failures =
                  exhausted(
                      new TransportException(
                          "the live chat server ended "
                              + failures
                              + " streams in a row without a new message",
                          null));
            }
            backoff(failures);
          }
        }
        case RETRY -> {
          failures++;
          boolean neverConnected = !streamed && options.transport() == Transport.AUTO;
          if (failures > options.maxFailures() || (neverConnected && failures >= 2)) {
            failures = exhausted(outcome.error());
          }
          backoff(failures);
        }
        case UNAUTHENTICATED -> {
          if (renewed || !cli.renewCredential(outcome.rejected())) {
            throw outcome.error();
          }
          renewed = true;
        }
        case BAD_TOKEN -> token = null;
        case UNSUPPORTED -> failures = exhausted(outcome.error());
        case FATAL -> throw outcome.error();
        default -> throw new IllegalStateException("unexpected outcome " + outcome);
      }
    }
    throw new InterruptedException("closed");
  }

  /** Gives up on gRPC for polling under {@link Transport#AUTO}, or fails: returns the new count. */
  private int exhausted(YouTubeException error) {
    if (active == Transport.GRPC && options.transport() == Transport.AUTO) {
      active = Transport.POLLING;
      shutdownChannel();
      return 0;
    }
    throw error;
  }

  /** Full jitter: a random wait up to {@code base × 2^(failures-1)}, at most the maximum. */
  private void backoff(int failures) throws InterruptedException {
    if (failures <= 0) {
      return;
    }
    long base = options.backoffBase().toNanos();
    long max = options.backoffMax().toNanos();
    long ceiling = failures > 40 ? max : Math.min(max, base << Math.min(failures - 1, 30));
    if (ceiling <= 0) {
      return;
    }
    options.sleeper().sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1)));
  }

  // ---- gRPC ------------------------------------------------------------------------------------

  private Outcome stream() throws InterruptedException {
    CredentialHeader header = cli.credentialHeader();
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of(header.name(), Metadata.ASCII_STRING_MARSHALLER), header.value());
    LiveChatMessageListRequest.Builder request =
        LiveChatMessageListRequest.newBuilder()
            .setLiveChatId(chatId)
            .addPart("id")
            .addPart("snippet")
            .addPart("authorDetails");
    String from = token;
    if (from != null) {
      request.setPageToken(from);
    }
    if (options.language() != null) {
      request.setHl(options.language());
    }
    if (options.profileImageSize() > 0) {
      request.setProfileImageSize(options.profileImageSize());
    }
    Channel authorized =
        ClientInterceptors.intercept(
            channel(), MetadataUtils.newAttachHeadersInterceptor(metadata));
    Context.CancellableContext context = Context.current().withCancellation();
    call = context;
    if (closed) {
      context.cancel(null);
    }
    // The stream's units are reserved before it opens, so that a quota budget refuses it here
    // (QuotaBudgetExceededException ends the chat); they go back if the connection is refused.
    QuotaMeter.Reservation reservation = cli.quota().reserve(STREAM_COST, null);
    connections.incrementAndGet();
    long started = System.nanoTime();
    boolean progress = false;
    Context previous = context.attach();
    try {
      Iterator<LiveChatMessageListResponse> responses =
          ClientCalls.blockingServerStreamingCall(
              authorized,
              V3DataLiveChatMessageServiceGrpc.getStreamListMethod(),
              CallOptions.DEFAULT,
              request.build());
      while (responses.hasNext()) {
        LiveChatMessageListResponse response = responses.next();
        streamed = true;
        List<ChatEvent> events = new ArrayList<>(response.getItemsCount());
        for (var item : response.getItemsList()) {
          events.add(Events.of(item));
        }
        if (response.hasActivePollItem()) {
          activePoll(events, Events.of(response.getActivePollItem()));
        }
        progress |= deliver(events);
        if (response.hasNextPageToken() && !response.getNextPageToken().isEmpty()) {
          token = response.getNextPageToken();
        }
        if (ended(events, response.hasOfflineAt() && !response.getOfflineAt().isEmpty())) {
          return Outcome.of(Kind.ENDED, true);
        }
      }
      return Outcome.of(Kind.CONTINUE, progress || healthy(started));
    } catch (StatusRuntimeException e) {
      if (closed || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("closed");
      }
      if (refused(e)) {
        reservation.refund(); // the stream never reached the server
      }
      progress |= healthy(started);
      YouTubeException error = GrpcFailures.toException(e, target.getAuthority());
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNAUTHENTICATED) {
        return new Outcome(Kind.UNAUTHENTICATED, progress, error, header);
      }
      if (code == Status.Code.UNIMPLEMENTED) {
        return new Outcome(Kind.UNSUPPORTED, progress, error, null);
      }
      if (code == Status.Code.INVALID_ARGUMENT
          && "invalidPageToken".equals(GrpcFailures.reason(e))
          && from != null) {
        return new Outcome(Kind.BAD_TOKEN, progress, error, null);
      }
      if (GrpcFailures.retryable(e)) {
        return new Outcome(Kind.RETRY, progress, error, null);
      }
      return new Outcome(Kind.FATAL, progress, error, null);
    } finally {
      context.detach(previous);
      context.cancel(null);
      call = null;
    }
  }

  /** Whether the connection was refused: the call provably never reached a server. */
  private static boolean refused(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }

  private boolean healthy(long startedNanos) {
    return System.nanoTime() - startedNanos >= HEALTHY.toNanos();
  }

  private synchronized Channel channel() {
    if (channel == null) {
      String host = target.getHost();
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      NettyChannelBuilder builder =
          NettyChannelBuilder.forAddress(host, target.getPort())
              .keepAliveTime(options.keepAlive().toMillis(), TimeUnit.MILLISECONDS)
              .keepAliveTimeout(20, TimeUnit.SECONDS)
              .maxInboundMessageSize(16 * 1024 * 1024)
              .userAgent("jyoutube/" + YouTubeClient.VERSION);
      if ("https".equalsIgnoreCase(target.getScheme())) {
        builder.useTransportSecurity();
      } else {
        builder.usePlaintext(); // Endpoints allows plain http on loopback hosts only
      }
      channel = builder.build();
    }
    return channel;
  }

  private synchronized void shutdownChannel() {
    if (channel != null) {
      channel.shutdownNow();
      channel = null;
    }
  }

  // ---- polling ---------------------------------------------------------------------------------

  private Outcome poll() throws InterruptedException {
    String from = token;
    // The largest page: at one read per pollingIntervalMillis, a busy chat must not outrun it.
    LiveChatMessagesResource.ListRequest request =
        cli.liveChatMessages().list(chatId).maxResults(MAX_PAGE);
    if (from != null) {
      request.pageToken(from);
    }
    if (options.language() != null) {
      request.hl(options.language());
    }
    if (options.profileImageSize() > 0) {
      request.profileImageSize(options.profileImageSize());
    }
    io.github.jyoutube.model.LiveChatMessageListResponse response;
    try {
      polls.incrementAndGet();
      response = request.execute();
    } catch (YouTubeException e) {
      if (closed || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("closed");
      }
      if (e instanceof BadRequestException bad
          && "invalidPageToken".equals(bad.reason())
          && from != null) {
        return new Outcome(Kind.BAD_TOKEN, false, e, null);
      }
      if (e instanceof TransportException
          || e instanceof ServerErrorException
          || e instanceof RateLimitedException) {
        return new Outcome(Kind.RETRY, false, e, null);
      }
      if (e instanceof UnauthorizedException) {
        return new Outcome(Kind.FATAL, false, e, null); // the client has renewed once already
      }
      return new Outcome(Kind.FATAL, false, e, null);
    }
    List<ChatEvent> events = new ArrayList<>();
    if (response.items() != null) {
      for (var item : response.items()) {
        events.add(Events.of(item));
      }
    }
    if (response.activePollItem() != null) {
      activePoll(events, Events.of(response.activePollItem()));
    }
    deliver(events);
    if (response.nextPageToken() != null && !response.nextPageToken().isEmpty()) {
      token = response.nextPageToken();
    }
    // offlineAt on a full page is not the end yet: the pages after it hold the chat's last words.
    int read = response.items() == null ? 0 : response.items().size();
    if (ended(events, response.offlineAt() != null && read < MAX_PAGE)) {
      return Outcome.of(Kind.ENDED, true);
    }
    Long interval = response.pollingIntervalMillis();
    // Never faster than the server asks.
    options
        .sleeper()
        .sleep(
            interval != null && interval > 0
                ? Duration.ofMillis(interval)
                : options.defaultPollingInterval());
    return Outcome.of(Kind.CONTINUE, true);
  }

  // ---- delivery --------------------------------------------------------------------------------

  /**
   * Adds the response's {@code activePollItem} after its messages when the poll changed (new
   * tallies or status under the same id) since it was last seen, as a message or as the active
   * poll: each response carries it again, a resumed stream too.
   */
  private void activePoll(List<ChatEvent> events, ChatEvent active) {
    ChatEvent.Poll latest = lastPoll;
    for (ChatEvent event : events) {
      if (event instanceof ChatEvent.Poll poll) {
        latest = poll;
      }
    }
    if (active instanceof ChatEvent.Poll poll && !poll.equals(latest)) {
      events.add(poll);
    }
  }

  /** Puts the events not delivered before, in order, waiting for room; true if any was new. */
  private boolean deliver(List<ChatEvent> events) throws InterruptedException {
    boolean fresh = false;
    for (ChatEvent event : events) {
      if (event instanceof ChatEvent.Poll poll) {
        lastPoll = poll;
      }
      if (seen.firstTime(event)) {
        while (!buffer.offer(event, 250, TimeUnit.MILLISECONDS)) {
          if (closed) {
            throw new InterruptedException("closed");
          }
        }
        delivered.incrementAndGet();
        fresh = true;
      } else {
        duplicates.incrementAndGet();
      }
    }
    return fresh;
  }

  private static boolean ended(List<ChatEvent> events, boolean offline) {
    return offline || events.stream().anyMatch(e -> e instanceof ChatEvent.ChatEnded);
  }
}
