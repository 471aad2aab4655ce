package io.github.jyoutube.emulator;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.github.jyoutube.livechat.proto.LiveChatMessage;
import io.github.jyoutube.livechat.proto.LiveChatMessageListRequest;
import io.github.jyoutube.livechat.proto.LiveChatMessageListResponse;
import io.github.jyoutube.livechat.proto.PageInfo;
import io.github.jyoutube.livechat.proto.V3DataLiveChatMessageServiceGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code youtube.api.v3.V3DataLiveChatMessageService.StreamList} on a loopback port of its own: the
 * chat's history first, then every new message within milliseconds, each response with its {@code
 * next_page_token}; a {@code page_token} resumes where it points. The credential travels as
 * metadata ({@code authorization: Bearer …} or {@code x-goog-api-key}) and is checked as the REST
 * side checks it; errors carry Google's {@code ErrorInfo} reason. A stream sends only while the
 * client reads (gRPC flow control), so a slow reader costs the emulator nothing but its cursor.
 */
final class ChatStreams
    extends V3DataLiveChatMessageServiceGrpc.V3DataLiveChatMessageServiceImplBase {

  /** The most messages in one response. */
  static final int BATCH = 500;

  private static final Context.Key<Metadata> HEADERS = Context.key("jyoutube-emulator-headers");
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> API_KEY =
      Metadata.Key.of("x-goog-api-key", Metadata.ASCII_STRING_MARSHALLER);

  private final Backend backend;
  private final ExecutorService senders;
  private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
  private Server server;

  ChatStreams(Backend backend) {
    this.backend = backend;
    AtomicInteger count = new AtomicInteger();
    this.senders =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "jyoutube-emulator-chat-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Listens on {@code port} of 127.0.0.1 (0 for a free one); returns the port. */
  int start(int port) {
    ServerInterceptor headers =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata metadata, ServerCallHandler<Q, R> next) {
            return Contexts.interceptCall(
                Context.current().withValue(HEADERS, metadata), call, metadata, next);
          }
        };
    try {
      server =
          NettyServerBuilder.forAddress(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
              .addService(ServerInterceptors.intercept(this, headers))
              .permitKeepAliveTime(5, TimeUnit.SECONDS)
              .permitKeepAliveWithoutCalls(true)
              .maxInboundMessageSize(1024 * 1024)
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the emulator's gRPC server on port " + port, e);
    }
    return server.getPort();
  }

  void close() {
    if (server != null) {
      server.shutdownNow();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    senders.shutdownNow();
  }

  /**
   * Ends every open stream of {@code chatId} with {@code status}, as a dropped connection would.
   */
  int cut(String chatId, Status status) {
    int cut = 0;
    for (Subscription subscription : open) {
      if (subscription.log.chatId.equals(chatId) && subscription.fail(status)) {
        cut++;
      }
    }
    return cut;
  }

  /** How many streams of {@code chatId} are open. */
  int openStreams(String chatId) {
    return (int) open.stream().filter(s -> s.log.chatId.equals(chatId)).count();
  }

  @Override
  public void streamList(
      LiveChatMessageListRequest request, StreamObserver<LiveChatMessageListResponse> observer) {
    ServerCallStreamObserver<LiveChatMessageListResponse> responses =
        (ServerCallStreamObserver<LiveChatMessageListResponse>) observer;
    Subscription subscription;
    try {
      subscription = subscribe(request, responses);
    } catch (ApiError e) {
      responses.onError(status(e));
      return;
    }
    responses.setOnCancelHandler(subscription::cancelled);
    responses.setOnReadyHandler(subscription::wake);
    open.add(subscription);
    subscription.log.readers.add(subscription.waker);
    subscription.wake();
  }

  /** Checks the call as the REST side checks {@code liveChatMessages.list}, and charges it. */
  private Subscription subscribe(
      LiveChatMessageListRequest request,
      ServerCallStreamObserver<LiveChatMessageListResponse> responses)
      throws ApiError {
    MethodCatalog.Method spec = MethodCatalog.byId(LiveChats.REST_STREAM);
    Metadata metadata = HEADERS.get();
    String authorization = metadata == null ? null : metadata.get(AUTHORIZATION);
    String key = metadata == null ? null : metadata.get(API_KEY);
    synchronized (backend) {
      if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        OAuth.TokenInfo info = backend.oauth.lookup(authorization.substring(7).trim());
        if (info == null) {
          throw ApiError.invalidCredentials();
        }
        Set<String> allowed = new LinkedHashSet<>(spec.scopes());
        if (allowed.stream().noneMatch(info.scopes()::contains)) {
          throw ApiError.insufficientPermissions(String.join(" ", spec.scopes()));
        }
      } else if (key != null && !key.isEmpty()) {
        throw ApiError.apiKeyNotSupported();
      } else {
        throw ApiError.loginRequired();
      }
      if (!backend.quota.fits(spec.bucket(), spec.cost())) {
        throw ApiError.quotaExceeded();
      }
      try {
        List<String> parts = request.getPartList();
        for (String part : parts) {
          for (String each : part.split(",")) {
            if (!each.isBlank() && !spec.parts().contains(each.trim())) {
              throw ApiError.unknownPart(each.trim());
            }
          }
        }
        if (!request.hasLiveChatId() || request.getLiveChatId().isEmpty()) {
          throw ApiError.required("liveChatId");
        }
        LiveChats.ChatLog log = backend.liveChats.requireLog(request.getLiveChatId());
        int offset = 0;
        if (request.hasPageToken() && !request.getPageToken().isEmpty()) {
          offset = Api.decodePageToken(request.getPageToken());
          if (offset > log.size()) {
            throw ApiError.invalidPageToken();
          }
        }
        backend.quota.charge(spec.bucket(), spec.cost());
        return new Subscription(log, offset, partsOf(parts), responses);
      } catch (ApiError e) {
        backend.quota.charge(spec.bucket(), 1);
        throw e;
      }
    }
  }

  private static Set<String> partsOf(List<String> requested) {
    Set<String> parts = new LinkedHashSet<>();
    for (String part : requested) {
      for (String each : part.split(",")) {
        if (!each.isBlank()) {
          parts.add(each.trim());
        }
      }
    }
    return parts;
  }

  /** The gRPC status of an API error: its code, message and Google's {@code ErrorInfo} reason. */
  static io.grpc.StatusRuntimeException status(ApiError error) {
    Status.Code code =
        switch (error.code) {
          case 400 -> Status.Code.INVALID_ARGUMENT;
          case 401 -> Status.Code.UNAUTHENTICATED;
          case 403 ->
              "quotaExceeded".equals(error.reason)
                  ? Status.Code.RESOURCE_EXHAUSTED
                  : Status.Code.PERMISSION_DENIED;
          case 404 -> Status.Code.NOT_FOUND;
          case 429 -> Status.Code.RESOURCE_EXHAUSTED;
          case 503 -> Status.Code.UNAVAILABLE;
          default -> Status.Code.INTERNAL;
        };
    com.google.rpc.Status status =
        com.google.rpc.Status.newBuilder()
            .setCode(code.value())
            .setMessage(error.getMessage())
            .addDetails(
                Any.pack(
                    ErrorInfo.newBuilder().setReason(error.reason).setDomain(error.domain).build()))
            .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  /** One open stream: a cursor in a chat's log, sent on from whenever the client can take more. */
  private final class Subscription implements Runnable {
    final LiveChats.ChatLog log;
    final Set<String> parts;
    final ServerCallStreamObserver<LiveChatMessageListResponse> responses;
    final Runnable waker = this::wake;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private int cursor;
    private boolean sentFirst;
    private boolean done;

    Subscription(
        LiveChats.ChatLog log,
        int cursor,
        Set<String> parts,
        ServerCallStreamObserver<LiveChatMessageListResponse> responses) {
      this.log = log;
      this.cursor = cursor;
      this.parts = parts;
      this.responses = responses;
    }

    void wake() {
      if (scheduled.compareAndSet(false, true)) {
        try {
          senders.execute(this);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
          scheduled.set(false);
        }
      }
    }

    @Override
    public void run() {
      scheduled.set(false);
      synchronized (this) {
        try {
          send();
        } catch (RuntimeException e) {
          fail(Status.INTERNAL.withDescription("Internal error").withCause(e));
        }
      }
    }

    /** Sends what the client has not had, while it can take it. Holds this subscription's lock. */
    private void send() {
      while (!done && responses.isReady()) {
        LiveChats.Slice slice = log.slice(cursor, BATCH);
        boolean atEnd = slice.next() == slice.size();
        if (slice.next() == cursor && sentFirst && (slice.offlineAt() == null || !atEnd)) {
          return; // nothing new
        }
        LiveChatMessageListResponse.Builder response =
            LiveChatMessageListResponse.newBuilder()
                .setKind("youtube#liveChatMessageListResponse")
                .setNextPageToken(Api.pageToken(slice.next(), false))
                .setPageInfo(
                    PageInfo.newBuilder()
                        .setTotalResults(slice.size())
                        .setResultsPerPage(slice.entries().size()));
        for (LiveChats.Entry entry : slice.entries()) {
          response.addItems(project(entry.proto()));
        }
        if (slice.activePoll() != null) {
          response.setActivePollItem(project(ChatProto.message(slice.activePoll())));
        }
        boolean ended = slice.offlineAt() != null && atEnd;
        if (ended) {
          response.setOfflineAt(slice.offlineAt());
        }
        responses.onNext(response.build());
        cursor = slice.next();
        sentFirst = true;
        if (ended) {
          responses.onCompleted();
          finished();
        }
      }
    }

    private LiveChatMessage project(LiveChatMessage message) {
      if (parts.isEmpty()) {
        return message;
      }
      LiveChatMessage.Builder shown = message.toBuilder();
      if (!parts.contains("snippet")) {
        shown.clearSnippet();
      }
      if (!parts.contains("authorDetails")) {
        shown.clearAuthorDetails();
      }
      return shown.build();
    }

    /** Ends the stream with {@code status}; false if it had ended already. */
    synchronized boolean fail(Status status) {
      if (done) {
        return false;
      }
      finished();
      responses.onError(status.asRuntimeException());
      return true;
    }

    void cancelled() {
      synchronized (this) {
        finished();
      }
    }

    private void finished() {
      done = true;
      open.remove(this);
      log.readers.remove(waker);
    }
  }
}
