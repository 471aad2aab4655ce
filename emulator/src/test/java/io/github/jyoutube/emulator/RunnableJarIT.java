package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar target/jyoutube-emulator.jar --port 0} prints its URL first and serves. Runs in
 * the {@code package} phase, after the shade plugin has built the jar.
 */
class RunnableJarIT {

  @Test
  void theShadedJarRuns() throws Exception {
    Path jar = Path.of("target", "jyoutube-emulator.jar");
    assertThat(jar).exists();
    assertThat(Files.size(jar)).isGreaterThan(1_000_000);
    MainTest.runsAndAnswers(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toString(),
            "--port",
            "0",
            "--auto-approve"));
  }
}
