package io.github.jyoutube.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.TokenStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token file survives a crash mid-write: a child JVM saves tokens of 20 and 200,000 characters
 * in turn as fast as it can, and is killed (SIGKILL) at a random moment, several times. After each
 * kill the file holds one whole token the child wrote, never a torn one, readable and owner-only.
 */
class TokenFileCrashTest {

  private static final int ROUNDS = 6;
  private static final Pattern SEQUENCE = Pattern.compile("ya29\\.seq-(\\d+)-(x+)");

  @Test
  @Timeout(120)
  void aWriterKilledMidWriteLeavesTheOldOrTheNewTokenNeverATornOne(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("config/token.json");
    Random random = new Random(6);
    long next = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Process child = start(file, next);
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(out.readLine()).isEqualTo("started");
        Thread.sleep(50 + random.nextInt(250));
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }

      AccessToken token = TokenStore.file(file).load().orElseThrow();
      Matcher m = SEQUENCE.matcher(token.accessToken());
      assertThat(m.matches()).as("a whole token: %s", token).isTrue();
      long i = Long.parseLong(m.group(1));
      assertThat(token).isEqualTo(TokenWriterMain.token(i));
      assertThat(i).isGreaterThanOrEqualTo(next);
      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      // A kill between creating the temporary file and the move can leave it behind: it is
      // owner-only too, so no secret becomes readable to others.
      try (Stream<Path> files = Files.list(file.getParent())) {
        for (Path left : files.toList()) {
          assertThat(Files.getPosixFilePermissions(left))
              .as(left.toString())
              .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
      }
      next = i + 1;
    }
  }

  private static Process start(Path file, long first) throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            List.of(
                java.toString(),
                "-Xmx64m",
                "-cp",
                classpath,
                TokenWriterMain.class.getName(),
                file.toString(),
                String.valueOf(first)))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
