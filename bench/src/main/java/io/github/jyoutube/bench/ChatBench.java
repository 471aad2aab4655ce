package io.github.jyoutube.bench;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.EmulatedChat;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.livechat.ChatEvent;
import io.github.jyoutube.livechat.LiveChat;
import io.github.jyoutube.livechat.LiveChatOptions;
import io.github.jyoutube.livechat.Transport;
import io.github.jyoutube.model.LiveChatMessage;
import io.github.jyoutube.model.LiveChatMessageSnippet;
import io.github.jyoutube.model.LiveChatTextMessageDetails;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live chat's figures (docs/PERFORMANCE.md), against the emulator on loopback:
 *
 * <ol>
 *   <li><b>latency</b>: a message inserted through REST {@code liveChatMessages.insert} by one
 *       client, to its delivery to another client's listener, over gRPC and over polling (at the
 *       emulator's {@code pollingIntervalMillis}); p50/p99/max over {@code --messages} messages
 *       sent at {@code --rate} a second, after {@code --warmup} unmeasured ones;
 *   <li><b>throughput</b> and <b>CPU</b>: one gRPC stream read by a child JVM ({@link
 *       ChatReaderChild}, the client alone), the chat's history of {@code --throughput} messages
 *       ({@code history}) and the same number pushed while it reads ({@code live}): messages per
 *       second and the child's process CPU per message.
 * </ol>
 *
 * <pre>
 * java -cp "bench/target/classes:$(cat bench/target/classpath-jmh.txt)" io.github.jyoutube.bench.ChatBench
 * </pre>
 *
 * Options (defaults): {@code --messages 10000 --warmup 2000 --rate 500 --polling-interval-ms 2000
 * --throughput 100000 --rounds 3 --phases latency,throughput}.
 */
public final class ChatBench {

  private static final String CHAT = YouTubeEmulator.SEEDED_LIVE_CHAT_ID;

  private ChatBench() {}

  public static void main(String[] args) throws Exception {
    int messages = 10_000;
    int warmup = 2_000;
    int rate = 500;
    long pollingMillis = 2000;
    int throughput = 100_000;
    int rounds = 3;
    List<String> phases = List.of("latency", "throughput");
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--messages" -> messages = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--rate" -> rate = Integer.parseInt(value);
        case "--polling-interval-ms" -> pollingMillis = Long.parseLong(value);
        case "--throughput" -> throughput = Integer.parseInt(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--phases" -> phases = List.of(value.split(","));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "ChatBench: %d messages at %d/s (after %d), polling interval %d ms, %d for throughput,"
            + " %d rounds; %s, %d cores%n",
        messages,
        rate,
        warmup,
        pollingMillis,
        throughput,
        rounds,
        Runtime.version(),
        Runtime.getRuntime().availableProcessors());
    for (int round = 1; round <= rounds; round++) {
      if (phases.contains("latency")) {
        for (Transport transport : List.of(Transport.GRPC, Transport.POLLING)) {
          latency(out, round, transport, messages, warmup, rate, pollingMillis);
        }
      }
      if (phases.contains("throughput")) {
        for (String mode : List.of("history", "live")) {
          throughput(out, round, mode, throughput);
        }
      }
    }
  }

  private static YouTubeClient client(YouTubeEmulator emulator, Account account) {
    return emulator.clientBuilder(account).maxRetries(0).build();
  }

  private static LiveChatMessage text(String body) {
    return LiveChatMessage.builder()
        .snippet(
            LiveChatMessageSnippet.builder()
                .liveChatId(CHAT)
                .type(LiveChatMessageSnippet.Type.TEXT_MESSAGE_EVENT)
                .textMessageDetails(LiveChatTextMessageDetails.builder().messageText(body).build())
                .build())
        .build();
  }

  /** REST insert by Bob, at a steady rate, to Alice's listener. */
  private static void latency(
      PrintStream out,
      int round,
      Transport transport,
      int messages,
      int warmup,
      int rate,
      long pollingMillis)
      throws Exception {
    int total = warmup + messages;
    long[] sent = new long[total];
    long[] received = new long[total];
    AtomicInteger arrived = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(1);
    try (YouTubeEmulator emulator =
        YouTubeEmulator.builder()
            .chatPollingInterval(Duration.ofMillis(pollingMillis))
            .dailyQuota(1_000_000_000L)
            .start()) {
      YouTubeClient writer = client(emulator, Account.BOB);
      LiveChatOptions options = LiveChatOptions.forChat(CHAT).withTransport(transport);
      try (LiveChat chat = LiveChat.connect(client(emulator, Account.ALICE), options)) {
        chat.listen(
            event -> {
              if (event instanceof ChatEvent.TextMessage m && m.text().startsWith("t:")) {
                int seq = Integer.parseInt(m.text().substring(2));
                received[seq] = System.nanoTime();
                if (arrived.incrementAndGet() == total) {
                  all.countDown();
                }
              }
            });
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int seq = 0; seq < total; seq++) {
          long due = start + seq * period;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          sent[seq] = System.nanoTime();
          writer.liveChatMessages().insert(text("t:" + seq)).execute();
        }
        long sending = System.nanoTime() - start;
        boolean complete = all.await(pollingMillis * 3 + 60_000, TimeUnit.MILLISECONDS);
        long[] micros = new long[messages];
        for (int i = 0; i < messages; i++) {
          int seq = warmup + i;
          micros[i] = received[seq] == 0 ? Long.MAX_VALUE : (received[seq] - sent[seq]) / 1000;
        }
        Arrays.sort(micros);
        out.printf(
            Locale.ROOT,
            "round %d latency %-7s %d messages (%s), sent at %.0f/s: p50 %s, p90 %s, p99 %s, max"
                + " %s; %s%n",
            round,
            transport,
            messages,
            complete ? "all delivered" : "MISSING " + (total - arrived.get()),
            total * 1e9 / sending,
            ms(micros[messages / 2]),
            ms(micros[messages * 9 / 10]),
            ms(micros[messages * 99 / 100]),
            ms(micros[messages - 1]),
            chat.stats());
      }
    }
  }

  private static String ms(long micros) {
    return micros == Long.MAX_VALUE
        ? "never"
        : String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
  }

  /** One gRPC stream, read in a child JVM: the history, or messages pushed while it reads. */
  private static void throughput(PrintStream out, int round, String mode, int messages)
      throws Exception {
    try (YouTubeEmulator emulator = YouTubeEmulator.start()) {
      EmulatedChat chat = emulator.chat(CHAT);
      EmulatedChat.Viewer bob = EmulatedChat.Viewer.of(Account.BOB);
      if (mode.equals("history")) {
        for (int i = 0; i < messages; i++) {
          chat.post(bob, "h:" + i);
        }
        chat.end();
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx256m");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(ChatReaderChild.class.getName());
      command.add(emulator.baseUri().toString());
      command.add(emulator.grpcUri().toString());
      command.add(emulator.accessToken(Account.ALICE));
      command.add(CHAT);
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.equals("ready") && mode.equals("live")) {
            Thread producer =
                new Thread(
                    () -> {
                      for (int i = 0; i < messages; i++) {
                        chat.post(bob, "l:" + i);
                      }
                      chat.end();
                    });
            producer.start();
          } else if (line.startsWith("result ")) {
            String[] parts = line.split(" ");
            long delivered = Long.parseLong(parts[1]);
            long wallNanos = Long.parseLong(parts[2]);
            long cpuNanos = Long.parseLong(parts[3]);
            out.printf(
                Locale.ROOT,
                "round %d throughput %-7s one gRPC stream: %d messages in %.2f s = %.0f msg/s;"
                    + " client CPU %.1f µs per message (%s)%n",
                round,
                mode,
                delivered,
                wallNanos / 1e9,
                delivered * 1e9 / wallNanos,
                cpuNanos / 1e3 / delivered,
                parts.length > 4
                    ? String.join(" ", Arrays.copyOfRange(parts, 4, parts.length))
                    : "");
          } else if (!line.equals("ready")) {
            out.println("  child: " + line);
          }
        }
      }
      if (!child.waitFor(5, TimeUnit.MINUTES)) {
        child.destroyForcibly();
        throw new IllegalStateException("the reading child did not finish");
      }
    }
  }
}
