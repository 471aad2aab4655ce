package io.github.jyoutube.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An OAuth error's text never shows a secret the request carried, whole or in pieces. */
class OAuthAnswersCleanTest {

  private static final String SECRET = "GOCSPX-prop-secret-J4n6Gx3";

  @Test
  void aSecretEchoedWholeIsRedacted() {
    assertThat(OAuthAnswers.clean("client " + SECRET + " is not allowed", SECRET))
        .isEqualTo("client (redacted) is not allowed");
  }

  @Test
  void aSecretEchoedWithSomethingInsertedIsRedactedPieceByPiece() {
    // A server (or noise in its answer) that splits the secret must not get its pieces shown.
    for (String mangled :
        new String[] {
          "G OCSPX-prop-secret-J4n6Gx3",
          "GOCSPX-prop-se\u0001cret-J4n6Gx3",
          "GOCSPX-prop-secret-J4n6Gx\n3",
          "gocspx GOCSPX-prop-secret-J4n6",
        }) {
      String shown = OAuthAnswers.clean("client " + mangled + " is not allowed", SECRET);
      assertThat(shown)
          .as(mangled)
          .doesNotContain("secret-J4n6")
          .doesNotContain("OCSPX-prop")
          .startsWith("client ")
          .endsWith(" is not allowed");
    }
  }

  @Test
  void ordinaryTextAndShortCommonRunsAreKept() {
    assertThat(OAuthAnswers.clean("The OAuth client was not found.", SECRET))
        .isEqualTo("The OAuth client was not found.");
    assertThat(OAuthAnswers.clean("bad client-secret", SECRET)).isEqualTo("bad client-secret");
  }
}
