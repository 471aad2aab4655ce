package io.github.jyoutube.bench;

import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client with a view per account against a client per account: the heap each costs, its
 * threads, and the calls per second of 8 threads that cycle over all of them, every one making
 * calls, against the jyoutube emulator in this JVM.
 *
 * <p>The emulator issues one access token per account (alternately Alice's and Bob's: every token
 * is distinct). Each way runs in a child JVM of its own ({@link AccountsChild}), with the same
 * heap, so that its figures hold the client's objects and threads only. Options (defaults): {@code
 * --accounts 10000 --seconds 10 --threads 8 --xmx 2g --ways views,clients,shared --rounds 1}.
 */
public final class AccountsBenchmark {

  private AccountsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int accounts = 10_000;
    int seconds = 10;
    int threads = 8;
    int rounds = 1;
    String xmx = "2g";
    List<String> ways = List.of("views", "clients", "shared");
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--accounts" -> accounts = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--threads" -> threads = Integer.parseInt(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--xmx" -> xmx = value;
        case "--ways" -> ways = List.of(value.split(","));
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --accounts N --seconds S --threads T --xmx SIZE"
                    + " --ways views,clients,shared --rounds R");
      }
      i++;
    }
    Path tokens = Files.createTempFile("jyoutube-accounts-", ".tokens");
    try (YouTubeEmulator emulator =
        YouTubeEmulator.builder().port(0).dailyQuota(Long.MAX_VALUE / 4).threads(16).start()) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < accounts; i++) {
        lines.add(emulator.accessToken(i % 2 == 0 ? Account.ALICE : Account.BOB));
      }
      Files.write(tokens, lines, StandardCharsets.UTF_8);
      System.out.printf(
          "AccountsBenchmark: %d accounts, %d threads, %d s of calls, -Xmx%s, JDK %s, %d cores%n",
          accounts,
          threads,
          seconds,
          xmx,
          Runtime.version(),
          Runtime.getRuntime().availableProcessors());
      for (int round = 1; round <= rounds; round++) {
        for (String way : ways) {
          String line = child(way, accounts, seconds, threads, xmx, emulator, tokens);
          System.out.println("round " + round + " " + line);
        }
      }
    } finally {
      Files.deleteIfExists(tokens);
    }
  }

  private static String child(
      String way,
      int accounts,
      int seconds,
      int threads,
      String xmx,
      YouTubeEmulator emulator,
      Path tokens)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx" + xmx,
                "-Xss256k",
                "-cp",
                System.getProperty("java.class.path"),
                AccountsChild.class.getName(),
                way,
                String.valueOf(accounts),
                String.valueOf(seconds),
                String.valueOf(threads),
                emulator.baseUri().toString(),
                tokens.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String last = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        last = line;
      }
    }
    if (!process.waitFor(seconds + 600L, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(way + ": the child did not end");
    }
    return last;
  }
}
