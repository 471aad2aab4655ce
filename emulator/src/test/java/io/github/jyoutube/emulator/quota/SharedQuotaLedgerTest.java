package io.github.jyoutube.emulator.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.QuotaLedger;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.testing.ChildJvm;
import io.github.jyoutube.testing.PostgresCluster;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One project's quota shared by 4 JVMs of 16 threads each, through a quota ledger in a database,
 * against an emulator whose daily quota is 2,000 units (as {@code Main --quota 2000}), with the
 * ledger's budget at the same 2,000: the processes together spend at most 2,000 units, the emulator
 * never answers {@code quotaExceeded}, and every unit it counted is in the ledger. Run on an H2
 * file database in server mode ({@code AUTO_SERVER}: this JVM serves it, the children connect over
 * TCP) and on a PostgreSQL server (skipped where PostgreSQL is missing). The same run with a ledger
 * per process shows what the shared one prevents.
 */
@Timeout(180)
class SharedQuotaLedgerTest {

  private static final long QUOTA = 2_000;
  private static final int JVMS = 4;
  private static final int THREADS = 16;
  private static final int MAX_CALLS = 400; // a thread's bound; the budget ends it long before
  private static final String PROJECT = "emulator-project";
  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private static final Pattern FIGURES =
      Pattern.compile(
          "units=(\\d+) calls=(\\d+) refusedByBudget=(\\d+) quotaExceeded=(\\d+) failures=(\\d+)"
              + " millis=(\\d+)");

  @TempDir Path dir;

  /** What the child processes reported, added up. */
  private record Figures(
      long units,
      long calls,
      long refusedByBudget,
      long quotaExceeded,
      long failures,
      long millis) {

    Figures plus(Figures other) {
      return new Figures(
          units + other.units,
          calls + other.calls,
          refusedByBudget + other.refusedByBudget,
          quotaExceeded + other.quotaExceeded,
          failures + other.failures,
          Math.max(millis, other.millis));
    }
  }

  @Test
  void h2FileInServerMode() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("quota").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    shareOneQuota("H2 file, AUTO_SERVER", url);
  }

  @Test
  void postgresql() throws Exception {
    try (PostgresCluster pg = PostgresCluster.start()) {
      shareOneQuota("PostgreSQL", pg.newDatabase());
    }
  }

  @Test
  void withALedgerPerProcessTheProjectRunsOut() throws Exception {
    try (YouTubeEmulator emulator = emulator()) {
      long started = System.nanoTime();
      Figures figures = runClients(emulator, "memory");
      long emulatorUnits = emulator.quotaUsed(QuotaBucket.DEFAULT);
      System.out.printf(
          "SharedQuotaLedgerTest, a ledger per process: %d JVMs x %d threads, %d calls sent,"
              + " %d units counted by the processes, %d by the emulator (quota %d),"
              + " %d quotaExceeded answers, %d ms%n",
          JVMS,
          THREADS,
          figures.calls() + figures.quotaExceeded(),
          figures.units(),
          emulatorUnits,
          QUOTA,
          figures.quotaExceeded(),
          (System.nanoTime() - started) / 1_000_000);
      // Each process keeps its own 2,000-unit budget: together they ask for more than the
      // project has, and the emulator refuses.
      assertThat(figures.quotaExceeded()).isPositive();
      assertThat(figures.failures()).isZero();
    }
  }

  private void shareOneQuota(String name, String url) throws Exception {
    LocalDate day = LocalDate.now(PACIFIC);
    // Opened first, so that with H2's AUTO_SERVER this JVM serves the database to the children.
    try (Connection held = DriverManager.getConnection(url);
        QuotaLedger ledger = QuotaLedger.jdbc(url, PROJECT);
        YouTubeEmulator emulator = emulator()) {
      long started = System.nanoTime();
      Figures figures = runClients(emulator, url);
      long wall = (System.nanoTime() - started) / 1_000_000;
      if (!LocalDate.now(PACIFIC).equals(day)) {
        System.out.println(
            "SharedQuotaLedgerTest: the quota day turned during the run; not judged");
        return;
      }
      long ledgerUnits = ledger.spent(day, QuotaBucket.DEFAULT, null);
      long emulatorUnits = emulator.quotaUsed(QuotaBucket.DEFAULT);
      System.out.printf(
          "SharedQuotaLedgerTest, %s: %d JVMs x %d threads, %d calls answered, %d refused by the"
              + " budget before sending; units: %d in the ledger (budget %d), %d counted by the"
              + " emulator (quota %d), %d by the processes; %d quotaExceeded answers, %d failures;"
              + " %d ms (clients %d ms)%n",
          name,
          JVMS,
          THREADS,
          figures.calls(),
          figures.refusedByBudget(),
          ledgerUnits,
          QUOTA,
          emulatorUnits,
          QUOTA,
          figures.units(),
          figures.quotaExceeded(),
          figures.failures(),
          wall,
          figures.millis());
      assertThat(figures.failures()).isZero();
      assertThat(figures.quotaExceeded()).isZero();
      assertThat(ledgerUnits).isLessThanOrEqualTo(QUOTA);
      assertThat(emulatorUnits).isLessThanOrEqualTo(ledgerUnits);
      assertThat(figures.units()).isEqualTo(ledgerUnits);
      // Far more was asked for than the quota holds: the budget, not the work, ended the run.
      assertThat(figures.refusedByBudget()).isGreaterThanOrEqualTo(JVMS * THREADS);
      assertThat(ledgerUnits).isGreaterThan(QUOTA - 50);
      assertThat(held.isValid(5)).isTrue();
    }
  }

  private static YouTubeEmulator emulator() {
    return YouTubeEmulator.builder().port(0).dailyQuota(QUOTA).start();
  }

  /** Starts the client processes at once and adds up their figures. */
  private Figures runClients(YouTubeEmulator emulator, String ledger) throws Exception {
    String token = emulator.accessToken(Account.ALICE);
    List<Process> processes = new ArrayList<>();
    List<Path> errors = new ArrayList<>();
    try {
      for (int i = 0; i < JVMS; i++) {
        Path stderr = dir.resolve("client-" + i + ".err");
        errors.add(stderr);
        ProcessBuilder command =
            new ProcessBuilder(
                    ChildJvm.command(
                        List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"),
                        QuotaClientMain.class,
                        emulator.baseUri().toString(),
                        token,
                        ledger,
                        PROJECT,
                        String.valueOf(QUOTA),
                        String.valueOf(THREADS),
                        String.valueOf(MAX_CALLS)))
                .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()));
        command.environment().keySet().retainAll(List.of("PATH", "HOME", "LANG", "TMPDIR"));
        processes.add(command.start());
      }
      Figures total = new Figures(0, 0, 0, 0, 0, 0);
      for (int i = 0; i < JVMS; i++) {
        Process process = processes.get(i);
        String out;
        try (InputStream stdout = process.getInputStream()) {
          out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("client %d ended", i).isTrue();
        String err = Files.readString(errors.get(i));
        assertThat(process.exitValue()).as("client %d: %s%s", i, out, err).isZero();
        Matcher matcher = FIGURES.matcher(out);
        assertThat(matcher.find()).as("client %d printed: %s%s", i, out, err).isTrue();
        total =
            total.plus(
                new Figures(
                    Long.parseLong(matcher.group(1)),
                    Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3)),
                    Long.parseLong(matcher.group(4)),
                    Long.parseLong(matcher.group(5)),
                    Long.parseLong(matcher.group(6))));
      }
      return total;
    } finally {
      for (Process process : processes) {
        process.destroyForcibly();
      }
    }
  }
}
