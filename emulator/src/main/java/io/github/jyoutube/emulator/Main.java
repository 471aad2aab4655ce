package io.github.jyoutube.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar jyoutube-emulator.jar [--port N] [--grpc-port N] [--auto-approve] [--data DIR]
 * [--quota UNITS] [--processing-seconds S]}: runs the emulator until interrupted. The first line it
 * prints is {@code jyoutube emulator listening on http://127.0.0.1:PORT/}; the last names the gRPC
 * server of live chat streaming.
 */
public final class Main {

  private Main() {}

  /**
   * Runs the emulator.
   *
   * @param args the options the class comment lists
   * @throws java.lang.InterruptedException if interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    YouTubeEmulator.Builder builder = YouTubeEmulator.builder();
    int port = 8080;
    Integer grpcPort = null;
    PrintStream out = System.out;
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
          case "--grpc-port" -> grpcPort = Integer.parseInt(value(args, ++i, arg));
          case "--auto-approve" -> builder.autoApprove(true);
          case "--data" -> builder.dataDirectory(Path.of(value(args, ++i, arg)));
          case "--quota" -> builder.dailyQuota(Long.parseLong(value(args, ++i, arg)));
          case "--processing-seconds" ->
              builder.processingTime(
                  java.time.Duration.ofSeconds(Long.parseLong(value(args, ++i, arg))));
          case "-h", "--help" -> {
            usage(out);
            return;
          }
          default -> throw new IllegalArgumentException("unknown option: " + arg);
        }
      }
      // gRPC beside HTTP: the next port, or a free one when HTTP takes a free one.
      builder.port(port).grpcPort(grpcPort != null ? grpcPort : port == 0 ? 0 : port + 1);
    } catch (IllegalArgumentException e) {
      System.err.println("jyoutube emulator: " + e.getMessage());
      usage(System.err);
      System.exit(2);
      return;
    }
    YouTubeEmulator emulator = builder.start();
    out.println("jyoutube emulator listening on " + emulator.baseUri());
    out.println("OAuth client: id " + YouTubeEmulator.CLIENT_ID);
    out.println("              secret " + YouTubeEmulator.CLIENT_SECRET);
    out.println(
        "              redirect URIs http://127.0.0.1:*, http://localhost:*, https://localhost/");
    for (Account account : Account.SEEDED) {
      out.println(
          "Account: "
              + account.name()
              + " <"
              + account.email()
              + ">, channel "
              + account.channelId()
              + " ("
              + account.handle()
              + ")");
    }
    out.println(
        "Live chat: gRPC on "
            + emulator.grpcUri()
            + ", chat "
            + YouTubeEmulator.SEEDED_LIVE_CHAT_ID);
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "jyoutube-emulator-shutdown"));
    stopped.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static void usage(PrintStream out) {
    out.println(
        "usage: java -jar jyoutube-emulator.jar [--port N] [--grpc-port N] [--auto-approve]"
            + " [--data DIR] [--quota UNITS] [--processing-seconds S]");
    out.println("  --port N         port on 127.0.0.1 (8080; 0 picks a free one)");
    out.println("  --grpc-port N    port of live chat streaming (gRPC) on 127.0.0.1 (--port + 1)");
    out.println("  --auto-approve   the consent page approves at once, as the first account");
    out.println("  --data DIR       keep the state in an H2 database in DIR, across restarts");
    out.println("  --quota UNITS    daily quota of the shared pool (10000)");
    out.println("  --processing-seconds S  uploads show as processing for S seconds (0)");
  }
}
