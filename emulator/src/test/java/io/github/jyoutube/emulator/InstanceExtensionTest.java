package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registered on an instance field, the extension starts an emulator for the test that asks. */
class InstanceExtensionTest {

  @RegisterExtension
  final YouTubeEmulatorExtension own = new YouTubeEmulatorExtension(b -> b.autoApprove(true));

  @Test
  void startsOneForTheTest(YouTubeEmulator emulator) {
    assertThat(own.emulator()).isSameAs(emulator);
    assertThat(emulator.port()).isPositive();
    String url = OAuthFlowTest.client(emulator).getAuthorizeUrl().uri().toString();
    assertThat(new Raw(emulator.baseUri()).get(url).status()).isEqualTo(302);
  }
}
