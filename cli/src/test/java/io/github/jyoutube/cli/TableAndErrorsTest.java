package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.error.OAuthException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The table layout and the wording of errors. */
class TableAndErrorsTest {

  @Test
  void tablesAlignCutLongCellsAndShowMissingValues() {
    Table table = new Table("ID", "TITLE", "N");
    table.row("a", "short", 1).row("bbbb", "x".repeat(80), null).row("c", "  spaced\n out ", "");
    assertThat(table.lines())
        .containsExactly(
            "ID    TITLE" + " ".repeat(57) + "N",
            "a     short" + " ".repeat(57) + "1",
            "bbbb  " + "x".repeat(59) + "…  -",
            "c     spaced out" + " ".repeat(52) + "-");
  }

  @Test
  void quotaResetIsCountedToPacificMidnight() {
    // 2026-01-15 20:00 UTC is 12:00 in Los Angeles (PST): twelve hours to go.
    Clock clock = Clock.fixed(Instant.parse("2026-01-15T20:00:00Z"), ZoneOffset.UTC);
    assertThat(Errors.untilPacificMidnight(clock)).isEqualTo("in 12 h 0 min");
  }

  @Test
  void oauthErrorsGetHints() {
    String line =
        Errors.line(
            Errors.describe(
                new OAuthException("invalid_grant", "Token has been expired or revoked.", 400),
                Clock.systemUTC()));
    assertThat(line)
        .isEqualTo(
            "jyoutube: Google's OAuth endpoint refused (invalid_grant): Token has been expired or"
                + " revoked. Hint: the sign-in has expired or was revoked: run `jyoutube auth"
                + " login`.");
  }

  @Test
  void apiMessagesLoseTheirHtml() {
    assertThat(Errors.clean("exceeded your <a href=\"/x\">quota</a>."))
        .isEqualTo("exceeded your quota.");
  }
}
