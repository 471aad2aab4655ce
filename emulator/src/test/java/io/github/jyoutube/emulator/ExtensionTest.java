package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit extension: one emulator per test class, injected where asked for. */
@ExtendWith(YouTubeEmulatorExtension.class)
class ExtensionTest {

  private static final Set<YouTubeEmulator> SEEN = ConcurrentHashMap.newKeySet();

  private final YouTubeEmulator fromConstructor;

  ExtensionTest(YouTubeEmulator emulator) {
    this.fromConstructor = emulator;
  }

  @Test
  void injectsTheClassesEmulator(YouTubeEmulator emulator) {
    assertThat(emulator).isSameAs(fromConstructor);
    SEEN.add(emulator);
    assertThat(new Raw(emulator.baseUri()).get("").status()).isEqualTo(200);
  }

  @Test
  void injectsTheSameOneIntoEveryTest(YouTubeEmulator emulator) {
    SEEN.add(emulator);
  }

  @AfterAll
  static void oneEmulatorForTheClass() {
    assertThat(SEEN).hasSize(1);
  }
}
