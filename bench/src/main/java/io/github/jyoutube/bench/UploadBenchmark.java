package io.github.jyoutube.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads the same file with jyoutube's resumable upload, the official client's {@code
 * MediaHttpUploader} (resumable, same chunk size) and a bare {@code java.net.http} PUT, to a
 * loopback server, and prints each one's throughput and heap.
 *
 * <p>The server ({@link BenchServer}) runs in this JVM; each upload runs in a child JVM of its own
 * ({@link UploadChild}) with the same {@code -Xmx}, after a warm-up upload in that child. The
 * clients take turns in a rotating order, round after round. Every upload is checked: the server
 * must hold the file's SHA-256.
 *
 * <p>Options: {@code --size-mib 1024 --chunk-mib 8 --rounds 3 --warmup-mib 64 --xmx 256m --clients
 * jyoutube,google,bare,jyoutube-chunks}.
 */
public final class UploadBenchmark {

  private static final Pattern VALUE = Pattern.compile("(\\w+)=(\\S+)");

  private UploadBenchmark() {}

  /** One measured upload. */
  private record Run(String client, int round, double seconds, long peakUsed, long peakLive) {
    double mibPerSecond(long size) {
      return size / (1024.0 * 1024.0) / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("size-mib", "1024");
    options.put("chunk-mib", "8");
    options.put("rounds", "3");
    options.put("warmup-mib", "64");
    options.put("xmx", "256m");
    options.put("clients", "jyoutube,google,bare,jyoutube-chunks");
    for (int i = 0; i + 1 < args.length; i += 2) {
      String name = args[i].replaceFirst("^--", "");
      if (!options.containsKey(name)) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      options.put(name, args[i + 1]);
    }
    long size = Long.parseLong(options.get("size-mib")) << 20;
    int chunk = Integer.parseInt(options.get("chunk-mib")) << 20;
    int rounds = Integer.parseInt(options.get("rounds"));
    List<String> clients = List.of(options.get("clients").split(","));

    Path dir = Files.createTempDirectory("jyoutube-bench");
    Path file = dir.resolve("media.bin");
    Path warmup = dir.resolve("warmup.bin");
    try (BenchServer server = new BenchServer()) {
      String sha256 = generate(file, size, 1);
      generate(warmup, Long.parseLong(options.get("warmup-mib")) << 20, 2);
      System.out.printf(
          "%d MiB file, %d MiB chunks, %s rounds, child JVMs -Xmx%s, %d cores, Java %s%n",
          size >> 20,
          chunk >> 20,
          rounds,
          options.get("xmx"),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      List<Run> runs = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        for (int k = 0; k < clients.size(); k++) {
          String client = clients.get((k + round - 1) % clients.size());
          Map<String, String> out = child(client, server, file, warmup, chunk, options.get("xmx"));
          BenchServer.Upload upload = server.upload(out.get("id"));
          if (upload == null || upload.held() != size || !sha256.equals(upload.sha256())) {
            throw new IllegalStateException(client + ": the server does not hold the file");
          }
          Run run =
              new Run(
                  client,
                  round,
                  Double.parseDouble(out.get("seconds")),
                  Long.parseLong(out.get("peakHeapUsed")),
                  Long.parseLong(out.get("peakLiveAfterGc")));
          runs.add(run);
          System.out.printf(
              "round %d  %-15s %8.1f MiB/s  %6.2f s  peak heap used %6.1f MiB, live after GC %6.1f MiB%n",
              round,
              client,
              run.mibPerSecond(size),
              run.seconds(),
              mib(run.peakUsed()),
              mib(run.peakLive()));
        }
      }
      System.out.println();
      System.out.println("median of " + rounds + " rounds (SHA-256 checked on every upload):");
      Map<String, Double> rates = new LinkedHashMap<>();
      for (String client : clients) {
        List<Run> mine = runs.stream().filter(r -> r.client().equals(client)).toList();
        double rate = median(mine.stream().map(r -> r.mibPerSecond(size)).toList());
        rates.put(client, rate);
        System.out.printf(
            "  %-15s %8.1f MiB/s  peak heap used %6.1f MiB  live after GC %6.1f MiB%n",
            client,
            rate,
            mib((long) median(mine.stream().map(r -> (double) r.peakUsed()).toList())),
            mib((long) median(mine.stream().map(r -> (double) r.peakLive()).toList())));
      }
      if (rates.containsKey("jyoutube") && rates.containsKey("google")) {
        System.out.printf(
            "  jyoutube / google throughput: %.2f%n", rates.get("jyoutube") / rates.get("google"));
      }
      if (rates.containsKey("jyoutube") && rates.containsKey("bare")) {
        System.out.printf(
            "  jyoutube / bare PUT throughput: %.2f%n", rates.get("jyoutube") / rates.get("bare"));
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(warmup);
      Files.deleteIfExists(dir);
    }
  }

  private static Map<String, String> child(
      String client, BenchServer server, Path file, Path warmup, int chunk, String xmx)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx" + xmx,
            "-cp",
            System.getProperty("java.class.path"),
            UploadChild.class.getName(),
            client,
            server.baseUri().toString(),
            file.toString(),
            warmup.toString(),
            String.valueOf(chunk));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(client + " failed:\n" + output);
    }
    Map<String, String> values = new LinkedHashMap<>();
    Matcher matcher = VALUE.matcher(output);
    while (matcher.find()) {
      values.put(matcher.group(1), matcher.group(2));
    }
    return values;
  }

  /** Writes {@code size} pseudo-random bytes and returns their SHA-256. */
  static String generate(Path file, long size, int seed) throws IOException {
    byte[] block = new byte[1 << 20];
    new SplittableRandom(seed).nextBytes(block);
    MessageDigest digest = BenchServer.newDigest();
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; ) {
        int n = (int) Math.min(block.length, size - written);
        block[0] = (byte) (written >> 20); // no two MiB alike
        block[1] = (byte) (written >> 28);
        out.write(block, 0, n);
        digest.update(block, 0, n);
        written += n;
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
