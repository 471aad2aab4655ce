package io.github.jyoutube.cli;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.emulator.YouTubeEmulator;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.media.UploadOptions;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistListResponse;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoListResponse;
import io.github.jyoutube.model.VideoSnippet;
import io.github.jyoutube.model.VideoStatus;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

/**
 * {@code jyoutube demo}: the authorization guide of the README, step by step, against an emulator
 * inside the command: the authorization URL, the consent (driven over HTTP as a browser would), the
 * token, the playlists, and an upload with a progress bar. Offline; exits 0.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Walk through the authorization guide offline, against an embedded emulator.",
      "",
      "Prints each step: the authorization URL, the consent, the token, your playlists,"
          + " and an upload with a progress bar."
    })
final class DemoCommand extends BaseCommand {

  /** The size of the generated video. */
  static final int VIDEO_BYTES = 640 * 1024;

  private static final Pattern CODE = Pattern.compile("([?&]code=)([^&]*)");

  @Override
  int run() {
    PrintWriter out = out();
    try (YouTubeEmulator emulator = YouTubeEmulator.builder().port(0).build().start()) {
      YouTubeClient cli =
          YouTubeClient.builder()
              .clientId(YouTubeEmulator.CLIENT_ID)
              .clientSecret(YouTubeEmulator.CLIENT_SECRET)
              .endpoints(emulator.endpoints())
              .userAgent("jyoutube-cli-demo")
              .build();
      out.println("jyoutube demo: the authorization guide, step by step, against a local emulator");
      out.println("at " + emulator.baseUri() + " (offline: nothing leaves this machine).");

      step(out, 1, "The authorization URL: cli.getAuthorizeUrl()");
      AuthorizationUrl auth = cli.getAuthorizeUrl();
      out.println("   " + auth.uri());
      out.println("   state: " + auth.state());

      step(out, 2, "Consent: open the URL, choose the account, click Allow");
      EmulatorConsent.Result consent =
          new EmulatorConsent().consent(auth.uri().toString(), 0, true);
      out.println(
          Terminal.printable(
              "   \"" + consent.app() + "\" asks to: " + String.join("; ", consent.scopes())));
      out.println(
          Terminal.printable("   accounts offered: " + String.join(", ", consent.accounts())));
      out.println(Terminal.printable("   chose " + consent.chosen() + " and clicked Allow"));
      out.println("   redirected to " + redactCode(consent.redirect()));

      step(out, 3, "The token: cli.generateAccessToken(redirectUrl)");
      AccessToken token = cli.generateAccessToken(consent.redirect());
      out.println("   " + token);

      step(out, 4, "My playlists: cli.playlists().list().mine(true).execute()");
      PlaylistListResponse playlists = cli.playlists().list().mine(true).execute();
      Table table = PlaylistsCommand.table();
      if (playlists.items() != null) {
        for (Playlist playlist : playlists.items()) {
          table.row(PlaylistsCommand.row(playlist));
        }
      }
      indent(out, table, "   (no playlists)");
      Number total = playlists.pageInfo() == null ? null : playlists.pageInfo().totalResults();
      if (total != null && total.longValue() > table.size()) {
        out.println(
            "   ("
                + table.size()
                + " of "
                + total
                + ": one page of the API's default size; .stream() walks them all)");
      }

      step(out, 5, "An upload: cli.videos().insert(video, MediaContent.of(...)).execute()");
      out.flush();
      Video metadata =
          Video.builder()
              .snippet(
                  VideoSnippet.builder()
                      .title("jyoutube demo clip")
                      .description("Uploaded by `jyoutube demo`.")
                      .build())
              .status(
                  VideoStatus.builder().privacyStatus(VideoStatus.PrivacyStatus.PRIVATE).build())
              .build();
      ProgressBar bar = new ProgressBar(err(), "   uploading");
      Video uploaded;
      try {
        uploaded =
            cli.videos()
                .insert(metadata, MediaContent.of(sampleVideo(VIDEO_BYTES), "video/mp4"))
                .uploadOptions(
                    UploadOptions.defaults()
                        .withChunkSize(UploadOptions.CHUNK_GRANULARITY)
                        .withProgress(bar))
                .execute();
      } finally {
        bar.done();
      }
      out.println(
          "   uploaded "
              + ProgressBar.bytes(VIDEO_BYTES)
              + " of video/mp4 as video "
              + uploaded.id()
              + "; cli.videos().list().id(\""
              + uploaded.id()
              + "\") lists it back:");
      VideoListResponse listed = cli.videos().list().id(uploaded.id()).execute();
      Table videos = VideosCommand.table();
      if (listed.items() != null) {
        for (Video video : listed.items()) {
          videos.row(VideosCommand.row(video));
        }
      }
      indent(out, videos, "   (not listed)");

      out.println();
      out.println(
          "Done. For real: `jyoutube auth login --client-secrets client_secret.json`, then"
              + " `jyoutube playlists list --mine`.");
      out.flush();
    }
    return ExitCodes.OK;
  }

  private static void step(PrintWriter out, int number, String title) {
    out.println();
    out.println(number + ". " + title);
    out.flush();
  }

  private static void indent(PrintWriter out, Table table, String empty) {
    if (table.isEmpty()) {
      out.println(empty);
    } else {
      for (String line : table.lines()) {
        out.println("   " + line);
      }
    }
    out.flush();
  }

  /** The redirect URL with its code cut to its first characters. */
  static String redactCode(String url) {
    Matcher m = CODE.matcher(url);
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      String code = m.group(2);
      String shown = code.length() > 8 ? code.substring(0, 4) + "…(redacted)" : "(redacted)";
      m.appendReplacement(text, Matcher.quoteReplacement(m.group(1) + shown));
    }
    m.appendTail(text);
    return text.toString();
  }

  /**
   * {@code size} bytes that start like an MP4 file (an {@code ftyp} box, then an {@code mdat} box
   * of noise): enough for a demo upload, not a playable video.
   */
  static byte[] sampleVideo(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    byte[] ftyp = {
      0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm',
      'p', '4', '1'
    };
    System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
    int mdat = size - ftyp.length;
    bytes[24] = (byte) (mdat >>> 24);
    bytes[25] = (byte) (mdat >>> 16);
    bytes[26] = (byte) (mdat >>> 8);
    bytes[27] = (byte) mdat;
    byte[] name = "mdat".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, bytes, 28, 4);
    return bytes;
  }
}
