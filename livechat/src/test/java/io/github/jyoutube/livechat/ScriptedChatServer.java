package io.github.jyoutube.livechat;

import io.github.jyoutube.livechat.proto.LiveChatMessage;
import io.github.jyoutube.livechat.proto.LiveChatMessageAuthorDetails;
import io.github.jyoutube.livechat.proto.LiveChatMessageListRequest;
import io.github.jyoutube.livechat.proto.LiveChatMessageListResponse;
import io.github.jyoutube.livechat.proto.LiveChatMessageSnippet;
import io.github.jyoutube.livechat.proto.LiveChatPollDetails;
import io.github.jyoutube.livechat.proto.LiveChatTextMessageDetails;
import io.github.jyoutube.livechat.proto.V3DataLiveChatMessageServiceGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@code StreamList} server on a loopback port (grpc-java, plain text) that plays a script per
 * connection: the test decides what each stream sends and how it ends. Records every request with
 * the {@code authorization} it carried.
 */
final class ScriptedChatServer implements AutoCloseable {

  /** What one stream does: sends, fails, completes or stays open. */
  @FunctionalInterface
  interface Script {
    void serve(
        int connection,
        LiveChatMessageListRequest request,
        StreamObserver<LiveChatMessageListResponse> responses);
  }

  /** One stream opened by the client. */
  record Connection(String pageToken, String authorization) {}

  private static final Context.Key<String> AUTHORIZATION = Context.key("authorization");
  private static final Metadata.Key<String> AUTHORIZATION_HEADER =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final Server server;

  ScriptedChatServer(Script script) {
    var service =
        new V3DataLiveChatMessageServiceGrpc.V3DataLiveChatMessageServiceImplBase() {
          @Override
          public void streamList(
              LiveChatMessageListRequest request,
              StreamObserver<LiveChatMessageListResponse> responses) {
            int index;
            synchronized (connections) {
              index = connections.size();
              connections.add(
                  new Connection(
                      request.hasPageToken() ? request.getPageToken() : null, AUTHORIZATION.get()));
            }
            script.serve(index, request, responses);
          }
        };
    ServerInterceptor headers =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata metadata, ServerCallHandler<Q, R> next) {
            return Contexts.interceptCall(
                Context.current().withValue(AUTHORIZATION, metadata.get(AUTHORIZATION_HEADER)),
                call,
                metadata,
                next);
          }
        };
    try {
      server =
          NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .addService(ServerInterceptors.intercept(service, headers))
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The target for {@link io.github.jyoutube.Endpoints#withGrpc(URI)}. */
  URI target() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  /** The streams opened so far, in order. */
  List<Connection> connections() {
    return List.copyOf(connections);
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- messages --------------------------------------------------------------------------------

  static final String PUBLISHED = "2026-09-24T18:00:00Z";

  private static LiveChatMessage.Builder message(String id, LiveChatMessageSnippet.Builder s) {
    return LiveChatMessage.newBuilder()
        .setKind("youtube#liveChatMessage")
        .setId(id)
        .setSnippet(s.setLiveChatId("chat").setPublishedAt(PUBLISHED).setAuthorChannelId("UCbob"))
        .setAuthorDetails(
            LiveChatMessageAuthorDetails.newBuilder().setChannelId("UCbob").setDisplayName("Bob"));
  }

  static LiveChatMessage text(String id) {
    return message(
            id,
            LiveChatMessageSnippet.newBuilder()
                .setType(LiveChatMessageSnippet.TypeWrapper.Type.TEXT_MESSAGE_EVENT)
                .setDisplayMessage("text of " + id)
                .setTextMessageDetails(
                    LiveChatTextMessageDetails.newBuilder().setMessageText("text of " + id)))
        .build();
  }

  static LiveChatMessage chatEnded(String id) {
    return message(
            id,
            LiveChatMessageSnippet.newBuilder()
                .setType(LiveChatMessageSnippet.TypeWrapper.Type.CHAT_ENDED_EVENT))
        .build();
  }

  static LiveChatMessage poll(String id, boolean active, long... tallies) {
    LiveChatPollDetails.PollMetadata.Builder metadata =
        LiveChatPollDetails.PollMetadata.newBuilder().setQuestionText("Rye or wheat?");
    String[] names = {"Rye", "Wheat", "Spelt"};
    for (int i = 0; i < tallies.length; i++) {
      metadata.addOptions(
          LiveChatPollDetails.PollMetadata.PollOption.newBuilder()
              .setOptionText(names[i])
              .setTally(tallies[i]));
    }
    return message(
            id,
            LiveChatMessageSnippet.newBuilder()
                .setType(LiveChatMessageSnippet.TypeWrapper.Type.POLL_EVENT)
                .setDisplayMessage("Rye or wheat?")
                .setPollDetails(
                    LiveChatPollDetails.newBuilder()
                        .setMetadata(metadata)
                        .setStatus(
                            active
                                ? LiveChatPollDetails.PollStatusWrapper.PollStatus.ACTIVE
                                : LiveChatPollDetails.PollStatusWrapper.PollStatus.CLOSED)))
        .build();
  }

  /** A response with {@code items} and {@code next_page_token} {@code token}. */
  static LiveChatMessageListResponse.Builder page(String token, LiveChatMessage... items) {
    return LiveChatMessageListResponse.newBuilder()
        .setKind("youtube#liveChatMessageListResponse")
        .setNextPageToken(token)
        .addAllItems(List.of(items));
  }
}
