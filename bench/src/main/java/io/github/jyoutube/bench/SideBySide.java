package io.github.jyoutube.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jyoutube and the official client side by side, in one invocation, against one {@link
 * FixtureServer} running in a JVM of its own. Every measurement runs in a fresh child JVM of one
 * client ({@link ClientChild}, {@link UploadChild}, {@link FirstOurs}, {@link FirstGoogle}), the
 * clients alternating, round after round; each child warms up before it measures. Prints every
 * round, then the medians of both clients and their ratio.
 *
 * <p>Figures: {@code calls} ({@code playlists.list} calls/s, 1 thread), {@code calls8} (8 threads),
 * {@code items} (items/s walking the 10,000-item playlist): these three are measured together, in
 * one child JVM per client and round; {@code upload} (1 GiB resumable upload, jyoutube's defaults
 * and 8 MiB chunks: MiB/s and heap; with a bare {@code java.net.http} PUT as the baseline, and
 * jyoutube in one PUT), {@code start} (process start to the first response printed), {@code deps}
 * (runtime dependency jars and bytes). Beside the wall-clock figures: the client process's CPU per
 * call or per item, over the measured part.
 *
 * <p>Options (defaults): {@code --rounds 3 --figures calls,calls8,items,upload,start,deps --warmup
 * 30 --calls-warmup 2 --calls-seconds 5 --walks-warmup 3 --walks 10 --upload-mib 1024
 * --upload-warmup-mib 64 --chunk-mib 8 --upload-xmx 64m --xmx 256m --starts 5 --extra ""} ({@code
 * --extra jdk,jyoutube-pool} adds, to the call and item figures, a bare {@code java.net.http}
 * client, bytes only, and jyoutube on the JDK client's default executor; {@code --extra floor} adds
 * the least a client on {@code java.net.http} and Jackson can do per call; see {@link
 * ClientChild}).
 */
public final class SideBySide {

  private static final Pattern VALUE = Pattern.compile("(\\w+)=(\\S+)");
  private static final String OURS = "jyoutube";
  private static final String GOOGLE = "google";

  private final Map<String, String> options;
  private final Path classes;
  private final Path target;
  private final List<String> oursClasspath;
  private final List<String> googleClasspath;
  private final List<String> fullClasspath;
  private URI base;

  /** Every measured figure: name, client, then the values of each round. */
  private final Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>();

  private SideBySide(Map<String, String> options) throws Exception {
    this.options = options;
    classes = Path.of(SideBySide.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    target = classes.getParent();
    oursClasspath = classpath("classpath-ours.txt");
    googleClasspath = classpath("classpath-google.txt");
    fullClasspath = classpath("classpath.txt");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("rounds", "3");
    options.put("figures", "calls,calls8,items,upload,start,deps");
    options.put("warmup", "30");
    options.put("calls-warmup", "2");
    options.put("calls-seconds", "5");
    options.put("walks-warmup", "3");
    options.put("walks", "10");
    options.put("upload-mib", "1024");
    options.put("upload-warmup-mib", "64");
    options.put("chunk-mib", "8");
    options.put("upload-xmx", "64m");
    options.put("xmx", "256m");
    options.put("starts", "5");
    options.put("extra", "");
    for (int i = 0; i + 1 < args.length; i += 2) {
      String name = args[i].replaceFirst("^--", "");
      if (!options.containsKey(name)) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      options.put(name, args[i + 1]);
    }
    new SideBySide(options).run();
  }

  private void run() throws Exception {
    Set<String> wanted = new LinkedHashSet<>(List.of(options.get("figures").split(",")));
    int rounds = Integer.parseInt(options.get("rounds"));
    List<String> clients = new ArrayList<>(List.of(OURS, GOOGLE));
    for (String extra : options.get("extra").split(",")) {
      if (!extra.isBlank()) {
        clients.add(extra.trim());
      }
    }
    System.out.printf(
        "%d cores, %s %s, %s; client JVMs -Xmx%s; %d rounds%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        options.get("xmx"),
        rounds);
    Path dir = Files.createTempDirectory("jyoutube-side-by-side");
    Path file = dir.resolve("media.bin");
    Path warmup = dir.resolve("warmup.bin");
    Process fixture = startFixture();
    try {
      String sha256 = null;
      if (wanted.contains("upload")) {
        sha256 = UploadBenchmark.generate(file, mib("upload-mib"), 1);
        UploadBenchmark.generate(warmup, mib("upload-warmup-mib"), 2);
      }
      for (int round = 1; round <= rounds; round++) {
        // Alternate who goes first, round after round.
        List<String> order = new ArrayList<>(clients);
        if (round % 2 == 0) {
          java.util.Collections.reverse(order);
        }
        if (wanted.contains("calls") || wanted.contains("calls8") || wanted.contains("items")) {
          for (String client : order) {
            throughput(round, client);
          }
        }
        if (wanted.contains("upload")) {
          List<String> uploaders =
              new ArrayList<>(List.of(OURS, GOOGLE, "bare", "jyoutube-chunks"));
          java.util.Collections.rotate(uploaders, round - 1);
          for (String client : uploaders) {
            upload(round, client, file, warmup, sha256);
          }
        }
        if (wanted.contains("start")) {
          for (String client : order) {
            if (client.equals(OURS) || client.equals(GOOGLE)) {
              start(round, client);
            }
          }
        }
      }
      summary(wanted);
    } finally {
      try (OutputStream stdin = fixture.getOutputStream()) {
        stdin.flush();
      }
      if (!fixture.waitFor(10, TimeUnit.SECONDS)) {
        fixture.destroyForcibly();
      }
      Files.deleteIfExists(file);
      Files.deleteIfExists(warmup);
      Files.deleteIfExists(dir);
    }
  }

  private Process startFixture() throws IOException {
    List<String> command =
        List.of(
            java(),
            "-Xmx512m",
            "-Dsun.net.httpserver.nodelay=true",
            "-cp",
            classes.toString(),
            FixtureServer.class.getName(),
            "--threads",
            "8");
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("port=")) {
      process.destroyForcibly();
      throw new IllegalStateException("the fixture did not start: " + line);
    }
    Map<String, String> values = values(line);
    base = URI.create("http://127.0.0.1:" + values.get("port") + "/");
    System.out.printf(
        "fixture: %s, JDK HttpServer, TCP_NODELAY, 8 threads; playlists page %,d B (gzip %,d B),"
            + " playlistItems page %,d B (gzip %,d B); clients ask for gzip%n%n",
        base,
        Long.parseLong(values.get("playlistsBytes")),
        Long.parseLong(values.get("playlistsGzipBytes")),
        Long.parseLong(values.get("itemsPageBytes")),
        Long.parseLong(values.get("itemsPageGzipBytes")));
    return process;
  }

  /** One child JVM of one client: calls with 1 and 8 threads, then the playlist walk. */
  private void throughput(int round, String client) throws Exception {
    Map<String, String> out =
        child(
            client,
            ClientChild.class.getName(),
            client,
            "all",
            base.toString(),
            options.get("warmup"),
            options.get("calls-warmup"),
            options.get("calls-seconds"),
            options.get("walks-warmup"),
            options.get("walks"));
    for (String figure : List.of("calls1", "calls8", "items")) {
      long ops = Long.parseLong(out.get(figure + "_ops"));
      double seconds = Double.parseDouble(out.get(figure + "_seconds"));
      double cpuMicros = Long.parseLong(out.get(figure + "_cpuNanos")) / 1e3 / ops;
      String name = figure.equals("calls1") ? "calls" : figure;
      record(name, client, ops / seconds);
      record(name + "-cpu", client, cpuMicros);
      System.out.printf(
          "round %d  %-9s %-28s %,9.0f %s/s  client CPU %7.2f µs/%s%n",
          round,
          client,
          switch (figure) {
            case "calls1" -> "playlists.list, 1 thread";
            case "calls8" -> "playlists.list, 8 threads";
            default -> "playlist items (10,000)";
          },
          ops / seconds,
          figure.equals("items") ? "items" : "calls",
          cpuMicros,
          figure.equals("items") ? "item" : "call");
    }
  }

  private void upload(int round, String client, Path file, Path warmup, String sha256)
      throws Exception {
    long size = Files.size(file);
    // UploadChild links all three uploaders: it runs with the whole runtime classpath.
    List<String> command =
        command(
            "all",
            "-Xmx" + options.get("upload-xmx"),
            UploadChild.class.getName(),
            client,
            base.toString(),
            file.toString(),
            warmup.toString(),
            String.valueOf(Integer.parseInt(options.get("chunk-mib")) << 20));
    Map<String, String> out = values(exec(command, client));
    String held = get("bench/upload?id=" + out.get("id"));
    if (!held.equals("held=" + size + " sha256=" + sha256)) {
      throw new IllegalStateException(client + ": the fixture does not hold the file: " + held);
    }
    double seconds = Double.parseDouble(out.get("seconds"));
    double rate = size / (1024.0 * 1024.0) / seconds;
    double peak = Long.parseLong(out.get("peakHeapUsed")) / (1024.0 * 1024.0);
    double live = Long.parseLong(out.get("peakLiveAfterGc")) / (1024.0 * 1024.0);
    record("upload", client, rate);
    record("upload-peak", client, peak);
    record("upload-live", client, live);
    System.out.printf(
        "round %d  %-9s upload %,d MiB            %9.1f MiB/s   peak heap used %5.1f MiB,"
            + " live after GC %5.1f MiB (SHA-256 checked)%n",
        round, client, size >> 20, rate, peak, live);
  }

  private void start(int round, String client) throws Exception {
    int starts = Integer.parseInt(options.get("starts"));
    String main = client.equals(OURS) ? FirstOurs.class.getName() : FirstGoogle.class.getName();
    List<String> command = command(client, "-Xmx" + options.get("xmx"), main, base.toString());
    String expected = firstTitle();
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < starts; i++) {
      long t0 = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String line;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        line = out.readLine();
        long t1 = System.nanoTime();
        times.add((t1 - t0) / 1e6);
        out.transferTo(java.io.Writer.nullWriter());
      }
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(client + " first response failed: " + line);
      }
      if (!expected.equals(line)) {
        throw new IllegalStateException(client + " printed " + line + ", not " + expected);
      }
    }
    double median = UploadBenchmark.median(times);
    record("start", client, median);
    System.out.printf(
        "round %d  %-9s JVM start to first response %7.0f ms (median of %d: %s)%n",
        round, client, median, starts, times.stream().map(t -> String.format("%.0f", t)).toList());
  }

  private String firstTitle() {
    String page = Fixtures.playlistsPage();
    int at = page.indexOf("\"title\":\"") + 9;
    return page.substring(at, page.indexOf('"', at));
  }

  private void summary(Set<String> wanted) throws IOException {
    System.out.println();
    System.out.printf(
        "median of %s rounds                       %12s %12s   %s%n",
        options.get("rounds"), OURS, GOOGLE, "jyoutube/google");
    row("playlists.list calls/s, 1 thread", "calls", "%,.0f");
    row("  client CPU per call (µs)", "calls-cpu", "%,.1f");
    row("playlists.list calls/s, 8 threads", "calls8", "%,.0f");
    row("  client CPU per call (µs)", "calls8-cpu", "%,.1f");
    row("playlist items/s (10,000 items)", "items", "%,.0f");
    row("  client CPU per item (µs)", "items-cpu", "%,.2f");
    row(
        "upload MiB/s ("
            + options.get("upload-mib")
            + " MiB; defaults / "
            + options.get("chunk-mib")
            + " MiB chunks)",
        "upload",
        "%,.1f");
    row("  peak heap used (MiB)", "upload-peak", "%,.1f");
    row("  peak live after GC (MiB)", "upload-live", "%,.1f");
    if (figures.containsKey("upload")) {
      Map<String, List<Double>> upload = figures.get("upload");
      double bare = UploadBenchmark.median(upload.get("bare"));
      System.out.printf(
          "  bare java.net.http PUT of the same file: %.1f MiB/s; jyoutube/bare %.2f,"
              + " google/bare %.2f%n",
          bare,
          UploadBenchmark.median(upload.get(OURS)) / bare,
          UploadBenchmark.median(upload.get(GOOGLE)) / bare);
      if (upload.containsKey("jyoutube-chunks")) {
        double chunks = UploadBenchmark.median(upload.get("jyoutube-chunks"));
        System.out.printf(
            "  jyoutube in %s MiB chunks (withChunkSize), as the official client: %.1f MiB/s,"
                + " peak heap used %.1f MiB; jyoutube-chunks/bare %.2f, jyoutube-chunks/google"
                + " %.2f%n",
            options.get("chunk-mib"),
            chunks,
            UploadBenchmark.median(figures.get("upload-peak").get("jyoutube-chunks")),
            chunks / bare,
            chunks / UploadBenchmark.median(upload.get(GOOGLE)));
      }
    }
    row("JVM start to first response (ms)", "start", "%,.0f");
    for (String extra : options.get("extra").split(",")) {
      if (figures.containsKey("calls") && figures.get("calls").containsKey(extra.trim())) {
        String client = extra.trim();
        System.out.printf(
            "%s: %,.0f calls/s (%.1f µs CPU/call), 8 threads %,.0f calls/s (%.1f µs CPU/call),"
                + " %,.0f items/s (%.2f µs CPU/item)%n",
            client,
            median("calls", client),
            median("calls-cpu", client),
            median("calls8", client),
            median("calls8-cpu", client),
            median("items", client),
            median("items-cpu", client));
      }
    }
    if (wanted.contains("deps")) {
      deps();
    }
  }

  private void row(String label, String figure, String format) {
    Map<String, List<Double>> values = figures.get(figure);
    if (values == null || !values.containsKey(OURS) || !values.containsKey(GOOGLE)) {
      return;
    }
    double ours = UploadBenchmark.median(values.get(OURS));
    double google = UploadBenchmark.median(values.get(GOOGLE));
    System.out.printf(
        "%-42s %12s %12s   %.2f%n",
        label, String.format(format, ours), String.format(format, google), ours / google);
  }

  private double median(String figure, String client) {
    return UploadBenchmark.median(figures.get(figure).get(client));
  }

  /** The runtime dependencies of each client, from the classpaths Maven wrote at build time. */
  private void deps() throws IOException {
    Set<String> ours = new LinkedHashSet<>(oursClasspath);
    Set<String> google = new LinkedHashSet<>(googleClasspath);
    Set<String> union = new LinkedHashSet<>(ours);
    union.addAll(google);
    if (union.size() != ours.size() + google.size()
        || !union.equals(new LinkedHashSet<>(fullClasspath))) {
      throw new IllegalStateException(
          "classpath-ours.txt and classpath-google.txt do not split classpath.txt");
    }
    for (String entry : union) {
      if (!entry.endsWith(".jar")) {
        throw new IllegalStateException(
            entry + " is not a jar: build with `-pl bench -am package` so that core is packaged");
      }
    }
    long oursBytes = bytes(ours);
    long googleBytes = bytes(google);
    System.out.printf(
        "runtime dependencies: jars                 %12d %12d   %.2f%n",
        ours.size(), google.size(), (double) ours.size() / google.size());
    System.out.printf(
        "runtime dependencies: MB (10^6 bytes)      %12.2f %12.2f   %.2f%n",
        oursBytes / 1e6, googleBytes / 1e6, (double) oursBytes / googleBytes);
    for (String jar : ours) {
      System.out.printf("  jyoutube: %-44s %,11d B%n", Path.of(jar).getFileName(), size(jar));
    }
  }

  private static long bytes(Set<String> jars) throws IOException {
    long total = 0;
    for (String jar : jars) {
      total += size(jar);
    }
    return total;
  }

  private static long size(String jar) {
    try {
      return Files.size(Path.of(jar));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void record(String figure, String client, double value) {
    figures
        .computeIfAbsent(figure, k -> new LinkedHashMap<>())
        .computeIfAbsent(client, k -> new ArrayList<>())
        .add(value);
  }

  private Map<String, String> child(String client, String main, String... args)
      throws IOException, InterruptedException {
    List<String> command = command(client, "-Xmx" + options.get("xmx"), main, args);
    return values(exec(command, client));
  }

  /** A child JVM with the client's own runtime classpath (and the benchmark's classes). */
  private List<String> command(String client, String heap, String main, String... args) {
    List<String> classpath = new ArrayList<>();
    classpath.add(classes.toString());
    switch (client) {
      case OURS, "jyoutube-pool", "floor" -> classpath.addAll(oursClasspath);
      case GOOGLE -> classpath.addAll(googleClasspath);
      case "all" -> classpath.addAll(fullClasspath);
      default -> {
        // jdk, bare: the JDK only
      }
    }
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add(heap);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(main);
    command.addAll(List.of(args));
    return command;
  }

  private static String exec(List<String> command, String client)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(client + " failed:\n" + output);
    }
    return output;
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return http.send(
            HttpRequest.newBuilder(base.resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static Map<String, String> values(String output) {
    Map<String, String> values = new LinkedHashMap<>();
    Matcher matcher = VALUE.matcher(output);
    while (matcher.find()) {
      values.put(matcher.group(1), matcher.group(2));
    }
    return values;
  }

  private List<String> classpath(String name) throws IOException {
    Path file = target.resolve(name);
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          file + " is missing: build with ./mvnw -pl bench -am package -Dmaven.test.skip=true");
    }
    String text = Files.readString(file).trim();
    return text.isEmpty() ? List.of() : List.of(text.split(File.pathSeparator));
  }

  private long mib(String option) {
    return Long.parseLong(options.get(option)) << 20;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
