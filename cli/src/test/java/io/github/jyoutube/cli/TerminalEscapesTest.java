package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.emulator.Account;
import io.github.jyoutube.emulator.YouTubeEmulator;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server text never reaches the terminal as control sequences: titles in tables and messages, and
 * API error messages, show their control characters as visible stand-ins; JSON stays exact.
 */
class TerminalEscapesTest {

  /** A window title, a screen clear, colours, a C1 CSI, a right-to-left override, NUL and DEL. */
  static final String EVIL =
      "Cat \u001b]0;pwned\u0007 \u001b[2J\u001b[31mred\u001b[0m \u009b31m \u202Egnp.exe \u0000\u007f"
          + "\u2066x\u2069";

  @TempDir Path home;

  /** Fails with the first character a terminal would act on. */
  static void assertPrintable(String output) {
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      if (c == '\n' || (c == '\r' && i + 1 < output.length() && output.charAt(i + 1) == '\n')) {
        continue;
      }
      boolean control =
          c < 0x20
              || (c >= 0x7F && c <= 0x9F)
              || (c >= '\u202A' && c <= '\u202E')
              || (c >= '\u2066' && c <= '\u2069')
              || c == '\u200E'
              || c == '\u200F'
              || c == '\u061C';
      assertThat(control)
          .as("U+%04X at %d in %s", (int) c, i, output.replaceAll("\\p{Cntrl}", "^"))
          .isFalse();
    }
  }

  @Test
  void tableCellsShowControlCharactersAsStandIns() {
    Table table = new Table("ID", "TITLE");
    table.row("x1", EVIL);
    String text = String.join("\n", table.lines());
    assertPrintable(text);
    assertThat(text).contains("Cat ␛]0;pwned␇ ␛[2J␛[31mred␛[0m �31m �gnp.exe ␀␡�x�");
  }

  @Test
  void titlesInTablesAndMessagesAreSafeAndJsonIsExact() {
    try (YouTubeEmulator emulator = YouTubeEmulator.builder().port(0).start()) {
      Path config = home.resolve("config");
      ApiCommandsTest.storeToken(config, emulator.accessToken(Account.ALICE, Scopes.YOUTUBE));
      CliRunner cli = ApiCommandsTest.runner(emulator, config);

      CliRunner.Result created = cli.run("playlists", "create", "--title", EVIL);
      assertThat(created.exitCode()).as(created.toString()).isZero();
      assertPrintable(created.out());
      assertThat(created.out()).contains("␛[2J");

      CliRunner.Result table = cli.run("playlists", "list", "--mine");
      assertThat(table.exitCode()).as(table.toString()).isZero();
      assertPrintable(table.out());
      assertThat(table.out()).contains("Cat ␛]0;pwned␇");

      CliRunner.Result json = cli.run("playlists", "list", "--mine", "--output", "json");
      assertThat(JsonTrees.tree(json.out()).findValuesAsText("title")).contains(EVIL);
    }
  }

  @Test
  void apiErrorMessagesAreSafe() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        http -> {
          byte[] body =
              ("{\"error\":{\"code\":404,\"message\":\"No video \\u001b[2J\\u001b]0;owned\\u0007"
                      + " \\u009b1m \\u202Eexe.txt\",\"errors\":[{\"reason\":\"videoNotFound\","
                      + "\"message\":\"x\"}]}}")
                  .getBytes(StandardCharsets.UTF_8);
          http.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
          http.sendResponseHeaders(404, body.length);
          try (OutputStream out = http.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      Path config = home.resolve("config");
      ApiCommandsTest.storeToken(config, "ya29.escapes");
      CliRunner cli =
          new CliRunner(
              home,
              "--endpoint",
              "http://127.0.0.1:" + server.getAddress().getPort() + "/",
              "--config-dir",
              config.toString());
      CliRunner.Result result = cli.run("videos", "list", "--id", "nope");
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
      assertPrintable(result.err());
      assertThat(result.err()).contains("No video ␛[2J␛]0;owned␇ �1m �exe.txt");

      // --debug's stack trace quotes the message too; its frames keep their tabs.
      CliRunner.Result debug = cli.run("--debug", "videos", "list", "--id", "nope");
      assertThat(debug.err()).contains("\tat ");
      assertPrintable(debug.err().replace("\t", " "));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void errorLinesAreSafeWhateverTheyQuote() {
    String line =
        Errors.line(
            Errors.describe(new IllegalStateException("bad \u001b[31m" + EVIL), Clock.systemUTC()));
    assertPrintable(line);
  }
}
