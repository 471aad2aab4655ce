package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.livechat.proto.LiveChatMessageListRequest;
import io.github.jyoutube.livechat.proto.V3DataLiveChatMessageServiceGrpc;
import io.github.jyoutube.testing.ChildJvm;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command line: {@code --port 0} prints the URL first; the server answers there; {@code
 * --grpc-port} puts live chat streaming where asked, and the banner says so.
 */
class MainTest {

  /** Runs {@code command}, checks its first line and that the emulator answers, then stops it. */
  static void runsAndAnswers(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).matches("jyoutube emulator listening on http://127\\.0\\.0\\.1:\\d+/");
      URI base = URI.create(first.substring(first.lastIndexOf(' ') + 1));
      assertThat(base.getPort()).isPositive();
      assertThat(out.readLine()).contains(YouTubeEmulator.CLIENT_ID);
      Raw raw = new Raw(base);
      assertThat(raw.get("").body()).contains("jyoutube emulator", "alice@example.com");
      Raw.Response answer =
          raw.get(
              raw.uri("o/oauth2/v2/auth").toString()
                  + "?response_type=code&client_id="
                  + YouTubeEmulator.CLIENT_ID
                  + "&redirect_uri=http://127.0.0.1:1/&scope=https://www.googleapis.com/auth/youtube");
      // --auto-approve: straight back to the redirect URI.
      assertThat(answer.status()).isEqualTo(302);
      assertThat(
              raw.get("youtube/v3/channels?part=snippet&forHandle=bob&key=AIza")
                  .json()
                  .at("/items/0/snippet/title")
                  .asText())
          .isEqualTo("Bob Example");
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void portZeroPrintsTheUrlFirst() throws Exception {
    List<String> command =
        ChildJvm.command(List.of(), Main.class, "--port", "0", "--auto-approve", "--quota", "500");
    runsAndAnswers(command);
  }

  @Test
  void anUnknownOptionExitsWithUsage() throws Exception {
    Process process =
        new ProcessBuilder(ChildJvm.command(List.of(), Main.class, "--bogus"))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("unknown option: --bogus", "usage:");
  }

  @Test
  void theGrpcPortIsTheOneAskedForAndTheBannerNamesIt() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                ChildJvm.command(
                    List.of(), Main.class, "--port", "0", "--grpc-port", String.valueOf(port)))
            .redirectErrorStream(true)
            .start();
    ManagedChannel channel = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("Live chat: "));
      assertThat(line)
          .isEqualTo(
              "Live chat: gRPC on http://127.0.0.1:"
                  + port
                  + ", chat "
                  + YouTubeEmulator.SEEDED_LIVE_CHAT_ID);

      // gRPC is served there: a stream without credentials is refused as the REST side would.
      channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      var stream =
          V3DataLiveChatMessageServiceGrpc.newBlockingStub(channel)
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .streamList(
                  LiveChatMessageListRequest.newBuilder()
                      .setLiveChatId(YouTubeEmulator.SEEDED_LIVE_CHAT_ID)
                      .build());
      assertThatThrownBy(stream::next)
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    } finally {
      if (channel != null) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
