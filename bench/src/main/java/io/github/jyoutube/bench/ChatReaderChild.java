package io.github.jyoutube.bench;

import com.sun.management.OperatingSystemMXBean;
import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.livechat.ChatEvent;
import io.github.jyoutube.livechat.LiveChat;
import io.github.jyoutube.livechat.LiveChatOptions;
import io.github.jyoutube.livechat.Transport;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Iterator;

/**
 * {@link ChatBench}'s reader, alone in its JVM so that its CPU is the client's: reads one chat over
 * gRPC to its end and prints {@code result DELIVERED WALL_NANOS CPU_NANOS}, the CPU time of every
 * thread of this JVM from the first event to the last.
 *
 * <p>Arguments: the emulator's base URL, its gRPC URL, an access token, the chat's id.
 */
public final class ChatReaderChild {

  private ChatReaderChild() {}

  public static void main(String[] args) {
    YouTubeClient cli =
        YouTubeClient.builder()
            .endpoints(Endpoints.at(args[0]).withGrpc(URI.create(args[1])))
            .accessToken(args[2])
            .build();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (LiveChat chat =
        LiveChat.connect(cli, LiveChatOptions.forChat(args[3]).withTransport(Transport.GRPC))) {
      Iterator<ChatEvent> events = chat.events().iterator();
      // The two seeded messages: the stream is open and warm enough to start the clock.
      events.next();
      events.next();
      System.out.println("ready");
      System.out.flush();
      long count = 0;
      long start = 0;
      long cpuStart = 0;
      while (events.hasNext()) {
        events.next();
        if (count == 0) {
          start = System.nanoTime();
          cpuStart = os.getProcessCpuTime();
        }
        count++;
      }
      long wall = System.nanoTime() - start;
      long cpu = os.getProcessCpuTime() - cpuStart;
      System.out.println(
          "result "
              + count
              + " "
              + wall
              + " "
              + cpu
              + " streams="
              + chat.stats().streamsOpened()
              + " duplicates="
              + chat.stats().duplicatesDropped());
    }
  }
}
