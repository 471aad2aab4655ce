package io.github.jyoutube.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar jyoutube-emulator.jar [--port N] [--auto-approve] [--data DIR] [--quota UNITS]}:
 * runs the emulator until interrupted. The first line it prints is {@code jyoutube emulator
 * listening on http://127.0.0.1:PORT/}.
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
    YouTubeEmulator.Builder builder = YouTubeEmulator.builder().port(8080);
    PrintStream out = System.out;
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
          case "--auto-approve" -> builder.autoApprove(true);
          case "--data" -> builder.dataDirectory(Path.of(value(args, ++i, arg)));
          case "--quota" -> builder.dailyQuota(Long.parseLong(value(args, ++i, arg)));
          case "-h", "--help" -> {
            usage(out);
            return;
          }
          default -> throw new IllegalArgumentException("unknown option: " + arg);
        }
      }
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
        "usage: java -jar jyoutube-emulator.jar [--port N] [--auto-approve] [--data DIR]"
            + " [--quota UNITS]");
    out.println("  --port N         port on 127.0.0.1 (8080; 0 picks a free one)");
    out.println("  --auto-approve   the consent page approves at once, as the first account");
    out.println("  --data DIR       keep the state in an H2 database in DIR, across restarts");
    out.println("  --quota UNITS    daily quota of the shared pool (10000)");
  }
}
