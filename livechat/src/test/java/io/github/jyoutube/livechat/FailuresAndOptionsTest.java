package io.github.jyoutube.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.BadRequestException;
import io.github.jyoutube.error.ForbiddenException;
import io.github.jyoutube.error.NotFoundException;
import io.github.jyoutube.error.QuotaExceededException;
import io.github.jyoutube.error.RateLimitedException;
import io.github.jyoutube.error.ServerErrorException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.UnauthorizedException;
import io.github.jyoutube.error.YouTubeException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** gRPC statuses as the library's exceptions; the dedup window's bound; options' checks. */
class FailuresAndOptionsTest {

  private static StatusRuntimeException status(Status.Code code, String reason) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage("because");
    if (reason != null) {
      status.addDetails(
          Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("youtube.liveChat").build()));
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }

  @Test
  void everyStatusBecomesATypedExceptionWithItsReason() {
    record Case(Status.Code code, String reason, Class<? extends YouTubeException> type) {}
    for (Case c :
        new Case[] {
          new Case(Status.Code.PERMISSION_DENIED, "forbidden", ForbiddenException.class),
          new Case(Status.Code.NOT_FOUND, "liveChatNotFound", NotFoundException.class),
          new Case(Status.Code.INVALID_ARGUMENT, "invalidPageToken", BadRequestException.class),
          new Case(Status.Code.UNAUTHENTICATED, "authError", UnauthorizedException.class),
          new Case(Status.Code.RESOURCE_EXHAUSTED, "quotaExceeded", QuotaExceededException.class),
          new Case(Status.Code.RESOURCE_EXHAUSTED, "rateLimitExceeded", RateLimitedException.class),
          new Case(Status.Code.INTERNAL, null, ServerErrorException.class),
          new Case(Status.Code.UNAVAILABLE, null, TransportException.class),
          new Case(Status.Code.DEADLINE_EXCEEDED, null, TransportException.class),
        }) {
      YouTubeException e = GrpcFailures.toException(status(c.code(), c.reason()), "host:443");
      assertThat(e).as(c.toString()).isInstanceOf(c.type());
      if (e instanceof ApiException api && c.reason() != null) {
        assertThat(api.reason()).isEqualTo(c.reason());
        assertThat(api.status()).isEqualTo(c.code().name());
        assertThat(api.errorMessage()).isEqualTo("because");
      }
    }
    assertThat(GrpcFailures.retryable(status(Status.Code.UNAVAILABLE, null))).isTrue();
    assertThat(GrpcFailures.retryable(status(Status.Code.DEADLINE_EXCEEDED, null))).isTrue();
    assertThat(GrpcFailures.retryable(status(Status.Code.INTERNAL, null))).isTrue();
    assertThat(GrpcFailures.retryable(status(Status.Code.RESOURCE_EXHAUSTED, "quotaExceeded")))
        .isFalse();
    assertThat(GrpcFailures.retryable(status(Status.Code.PERMISSION_DENIED, "forbidden")))
        .isFalse();
    assertThat(GrpcFailures.retryable(status(Status.Code.NOT_FOUND, null))).isFalse();
    assertThat(GrpcFailures.retryable(status(Status.Code.INVALID_ARGUMENT, null))).isFalse();
  }

  @Test
  void theDedupWindowForgetsTheOldestAndTellsChangedContentApart() {
    SeenMessages seen = new SeenMessages(3);
    ChatEvent.Author author =
        new ChatEvent.Author("UC1", "A", null, null, false, false, false, false);
    for (int i = 0; i < 10; i++) {
      assertThat(seen.firstTime(new ChatEvent.TextMessage("m" + i, null, author, "t"))).isTrue();
    }
    assertThat(seen.size()).isEqualTo(3);
    assertThat(seen.firstTime(new ChatEvent.TextMessage("m9", null, author, "t"))).isFalse();
    assertThat(seen.firstTime(new ChatEvent.TextMessage("m0", null, author, "t"))).isTrue();
    // The same id with new content (a tombstone, a gift's combo) is delivered again.
    assertThat(seen.firstTime(new ChatEvent.MessageDeleted("m9", null, author, "m9"))).isTrue();
    // Contents whose hash codes agree ("Aa" and "BB") are still told apart.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(seen.firstTime(new ChatEvent.TextMessage("m10", null, author, "Aa"))).isTrue();
    assertThat(seen.firstTime(new ChatEvent.TextMessage("m10", null, author, "BB"))).isTrue();
    assertThat(seen.firstTime(new ChatEvent.TextMessage("m10", null, author, "BB"))).isFalse();
  }

  @Test
  void optionsRefuseNonsenseByName() {
    assertThatThrownBy(() -> LiveChatOptions.forVideo(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("videoId");
    LiveChatOptions options = LiveChatOptions.forChat("chat");
    assertThatThrownBy(() -> options.withBufferSize(0)).hasMessageContaining("bufferSize");
    assertThatThrownBy(() -> options.withDedupWindow(0)).hasMessageContaining("dedupWindow");
    assertThatThrownBy(() -> options.withMaxFailures(0)).hasMessageContaining("maxFailures");
    assertThatThrownBy(() -> options.withKeepAlive(Duration.ofSeconds(1)))
        .hasMessageContaining("keepAlive");
    assertThatThrownBy(() -> options.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("backoff");
    assertThatThrownBy(() -> options.withProfileImageSize(1000))
        .hasMessageContaining("profileImageSize");
    assertThat(options.withTransport(Transport.POLLING).transport()).isEqualTo(Transport.POLLING);
    assertThat(options.transport()).isEqualTo(Transport.AUTO);
  }
}
