package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.ErrorInfo;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.livechat.proto.LiveChatMessageListRequest;
import io.github.jyoutube.livechat.proto.LiveChatMessageListResponse;
import io.github.jyoutube.livechat.proto.LiveChatMessageSnippet.TypeWrapper.Type;
import io.github.jyoutube.livechat.proto.V3DataLiveChatMessageServiceGrpc;
import io.github.jyoutube.model.LiveChatMessage;
import io.github.jyoutube.model.LiveChatMessageSnippet;
import io.github.jyoutube.model.LiveChatTextMessageDetails;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.resource.LiveBroadcastsResource;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's gRPC server of {@code liveChatMessages.streamList}, spoken to with the raw stub:
 * history, push of REST inserts, resume by page token, the end of the chat, and the credential
 * checks of its REST side.
 */
class ChatStreamServerTest {

  private static final String CHAT = YouTubeEmulator.SEEDED_LIVE_CHAT_ID;

  private YouTubeEmulator emulator;
  private ManagedChannel channel;

  @BeforeEach
  void start() {
    emulator =
        YouTubeEmulator.builder().chatPollingInterval(java.time.Duration.ofMillis(100)).start();
    channel =
        NettyChannelBuilder.forAddress("127.0.0.1", emulator.grpcUri().getPort())
            .usePlaintext()
            .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    emulator.close();
  }

  private V3DataLiveChatMessageServiceGrpc.V3DataLiveChatMessageServiceBlockingStub stub(
      String name, String value) {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value);
    }
    return V3DataLiveChatMessageServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private V3DataLiveChatMessageServiceGrpc.V3DataLiveChatMessageServiceBlockingStub alice() {
    return stub("authorization", "Bearer " + emulator.accessToken(Account.ALICE));
  }

  private YouTubeClient client(Account account) {
    return YouTubeClient.builder()
        .endpoints(emulator.endpoints())
        .accessToken(emulator.accessToken(account))
        .build();
  }

  private static LiveChatMessage text(String chat, String text) {
    return LiveChatMessage.builder()
        .snippet(
            LiveChatMessageSnippet.builder()
                .liveChatId(chat)
                .type(LiveChatMessageSnippet.Type.TEXT_MESSAGE_EVENT)
                .textMessageDetails(LiveChatTextMessageDetails.builder().messageText(text).build())
                .build())
        .build();
  }

  @Test
  void historyFirstThenEveryRestInsertPushedThenResumeByToken() {
    Iterator<LiveChatMessageListResponse> stream =
        alice().streamList(LiveChatMessageListRequest.newBuilder().setLiveChatId(CHAT).build());
    LiveChatMessageListResponse history = stream.next();
    assertThat(history.getItemsList())
        .extracting(m -> m.getSnippet().getTextMessageDetails().getMessageText())
        .containsExactly("Hello from Bob!", "What flour do you use?");
    assertThat(history.getNextPageToken()).isNotEmpty();

    YouTubeClient bob = client(Account.BOB);
    long before = System.nanoTime();
    LiveChatMessage inserted = bob.liveChatMessages().insert(text(CHAT, "hi from REST")).execute();
    LiveChatMessageListResponse pushed = stream.next();
    long micros = (System.nanoTime() - before) / 1000;
    assertThat(pushed.getItemsList()).hasSize(1);
    assertThat(pushed.getItems(0).getId()).isEqualTo(inserted.id());
    assertThat(pushed.getItems(0).getSnippet().getType()).isEqualTo(Type.TEXT_MESSAGE_EVENT);
    assertThat(pushed.getItems(0).getAuthorDetails().getDisplayName()).isEqualTo("Bob Example");
    System.out.println("REST insert to gRPC delivery: " + micros + " µs (with the insert)");

    // Resume from the history's token: the pushed message again, and nothing before it.
    Iterator<LiveChatMessageListResponse> resumed =
        alice()
            .streamList(
                LiveChatMessageListRequest.newBuilder()
                    .setLiveChatId(CHAT)
                    .setPageToken(history.getNextPageToken())
                    .build());
    assertThat(resumed.next().getItemsList())
        .extracting(m -> m.getId())
        .containsExactly(inserted.id());

    // The REST list takes the same token.
    io.github.jyoutube.model.LiveChatMessageListResponse page =
        bob.liveChatMessages().list(CHAT).pageToken(history.getNextPageToken()).execute();
    assertThat(page.items()).extracting(LiveChatMessage::id).containsExactly(inserted.id());
    assertThat(page.pollingIntervalMillis()).isEqualTo(100L);
    assertThat(page.nextPageToken()).isEqualTo(pushed.getNextPageToken());
  }

  @Test
  void theChatEndsWhenTheBroadcastIsComplete() {
    Iterator<LiveChatMessageListResponse> stream =
        alice().streamList(LiveChatMessageListRequest.newBuilder().setLiveChatId(CHAT).build());
    stream.next();
    client(Account.ALICE)
        .liveBroadcasts()
        .transition(
            LiveBroadcastsResource.TransitionBroadcastStatus.COMPLETE,
            YouTubeEmulator.SEEDED_BROADCAST_ID)
        .execute();
    LiveChatMessageListResponse last = stream.next();
    assertThat(last.getItems(last.getItemsCount() - 1).getSnippet().getType())
        .isEqualTo(Type.CHAT_ENDED_EVENT);
    assertThat(last.getOfflineAt()).isNotEmpty();
    assertThat(stream.hasNext()).isFalse(); // completed normally
    assertThat(client(Account.BOB).liveChatMessages().list(CHAT).execute().offlineAt()).isNotNull();
    assertThatThrownBy(
            () -> client(Account.BOB).liveChatMessages().insert(text(CHAT, "late")).execute())
        .hasMessageContaining("liveChatEnded");
  }

  @Test
  void theVideoOfTheBroadcastNamesItsActiveChat() {
    Video video =
        client(Account.BOB)
            .videos()
            .list()
            .id(YouTubeEmulator.SEEDED_BROADCAST_ID)
            .part("liveStreamingDetails")
            .execute()
            .items()
            .get(0);
    assertThat(video.liveStreamingDetails().activeLiveChatId()).isEqualTo(CHAT);
  }

  @Test
  void credentialsAreCheckedAsOnTheRestSide() {
    LiveChatMessageListRequest request =
        LiveChatMessageListRequest.newBuilder().setLiveChatId(CHAT).build();
    assertStatus(
        () -> stub(null, null).streamList(request).next(), Status.Code.UNAUTHENTICATED, "required");
    assertStatus(
        () -> stub("authorization", "Bearer nope").streamList(request).next(),
        Status.Code.UNAUTHENTICATED,
        "authError");
    assertStatus(
        () -> stub("x-goog-api-key", "AIzaKey").streamList(request).next(),
        Status.Code.UNAUTHENTICATED,
        "required");
    String profileOnly =
        emulator.accessToken(Account.ALICE, "https://www.googleapis.com/auth/userinfo.profile");
    assertStatus(
        () -> stub("authorization", "Bearer " + profileOnly).streamList(request).next(),
        Status.Code.PERMISSION_DENIED,
        "insufficientPermissions");
    String readOnly = emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_READONLY);
    assertThat(
            stub("authorization", "Bearer " + readOnly).streamList(request).next().getItemsCount())
        .isEqualTo(2);
    assertStatus(
        () ->
            alice()
                .streamList(LiveChatMessageListRequest.newBuilder().setLiveChatId("nope").build())
                .next(),
        Status.Code.NOT_FOUND,
        "liveChatNotFound");
    assertStatus(
        () ->
            alice()
                .streamList(
                    LiveChatMessageListRequest.newBuilder()
                        .setLiveChatId(CHAT)
                        .setPageToken("garbage!")
                        .build())
                .next(),
        Status.Code.INVALID_ARGUMENT,
        "invalidPageToken");
  }

  private static void assertStatus(Runnable call, Status.Code code, String reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(code);
              com.google.rpc.Status status = StatusProto.fromThrowable(e);
              assertThat(status).isNotNull();
              try {
                assertThat(status.getDetails(0).unpack(ErrorInfo.class).getReason())
                    .isEqualTo(reason);
              } catch (com.google.protobuf.InvalidProtocolBufferException bad) {
                throw new AssertionError(bad);
              }
            });
  }
}
