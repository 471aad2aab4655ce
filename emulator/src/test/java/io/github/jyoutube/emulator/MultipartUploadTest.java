package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.auth.Scopes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Multipart uploads as clients write them (RFC 2046): CRLF or bare LF line breaks, quoted
 * boundaries, preamble and epilogue, transport padding, folded headers, base64 media. Each variant
 * stores exactly the bytes sent; bodies that are not multipart are refused with 400 {@code
 * badContent}.
 */
class MultipartUploadTest {

  @org.junit.jupiter.api.extension.RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR =
      new YouTubeEmulatorExtension(b -> b.uploadQuota(10_000).dailyQuota(10_000_000));

  /** Media with line breaks, dashes and pieces of the boundary inside. */
  static byte[] media(String boundary) {
    byte[] noise = new byte[3000];
    new Random(13).nextBytes(noise);
    String tricky =
        "\r\n--"
            + boundary.substring(0, boundary.length() - 1)
            + "\n--"
            + boundary
            + "X\r\n--"
            + boundary
            + " x\n--"
            + boundary
            + "\rz\n\n\r\n--\r\nx--"
            + boundary
            + "\r\n";
    byte[] text = tricky.getBytes(StandardCharsets.UTF_8);
    byte[] media = new byte[noise.length + text.length + 1];
    System.arraycopy(noise, 0, media, 0, 1500);
    System.arraycopy(text, 0, media, 1500, text.length);
    System.arraycopy(noise, 1500, media, 1500 + text.length, 1500);
    // Ends in a CR: with CRLF line breaks, the CR before the closing line is the body's; with LF
    // ones it is the media's.
    media[media.length - 1] = '\r';
    return media;
  }

  static List<MultipartBody> variants() {
    MultipartBody crlf = MultipartBody.crlf();
    MultipartBody python = MultipartBody.python();
    return List.of(
        crlf,
        python,
        new MultipartBody(
            "LF, unquoted", "lfBoundary", false, false, "\n", "\n", "", "", true, "", false, false),
        new MultipartBody(
            "quoted with space and specials",
            "a'()+_,-./:=? z",
            true,
            false,
            "\r\n",
            "\r\n",
            "",
            "",
            true,
            "",
            false,
            false),
        new MultipartBody(
            "preamble and epilogue",
            "pre",
            false,
            false,
            "\r\n",
            "\r\n",
            "",
            "This is a multi-part message in MIME format.",
            true,
            "\r\nThe end.\r\n",
            false,
            false),
        new MultipartBody(
            "transport padding",
            "padded",
            false,
            false,
            "\r\n",
            "\r\n",
            " \t  ",
            "",
            true,
            "",
            false,
            false),
        new MultipartBody(
            "boundary not the first parameter",
            "second",
            true,
            true,
            "\r\n",
            "\r\n",
            "",
            "",
            true,
            "",
            false,
            false),
        new MultipartBody(
            "no line break after the closing line",
            "closing",
            false,
            false,
            "\r\n",
            "\r\n",
            "",
            "",
            false,
            "",
            false,
            false),
        new MultipartBody(
            "CRLF headers, LF boundary lines",
            "mixed",
            false,
            false,
            "\r\n",
            "\n",
            "",
            "",
            true,
            "",
            false,
            false),
        new MultipartBody(
            "folded Content-Type",
            "fold",
            false,
            false,
            "\r\n",
            "\r\n",
            "",
            "",
            true,
            "",
            true,
            false),
        new MultipartBody(
            "base64 media", "b64", false, false, "\r\n", "\r\n", "", "", true, "", false, true));
  }

  private static Raw alice() {
    YouTubeEmulator emulator = EMULATOR.emulator();
    return new Raw(emulator.baseUri())
        .as(emulator.accessToken(Account.ALICE, Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void eachVariantStoresExactlyTheBytesSent(MultipartBody variant) {
    byte[] media = media(variant.boundary());
    Raw.Response video =
        alice()
            .send(
                "POST",
                "upload/youtube/v3/videos?uploadType=multipart&part=snippet",
                variant.body(
                    "{\"snippet\":{\"title\":\"" + variant.name() + "\"}}", "video/mp4", media),
                variant.contentType());
    assertThat(video.status()).as(video.body()).isEqualTo(200);
    assertThat(video.json().at("/snippet/title").asText()).isEqualTo(variant.name());
    String id = video.json().path("id").asText();
    assertThat(Uploads.videoBytes(UploadTest.storeOf(EMULATOR.emulator()), id)).isEqualTo(media);
  }

  @Test
  void aCaptionFromGoogleApiPythonClientIsStoredAndDownloaded() {
    Raw alice = alice();
    MultipartBody python = MultipartBody.python();
    String srt =
        "1\n00:00:01,000 --> 00:00:02,000\nFrom Python\n\n2\n00:00:03,000 --> 00:00:04,000\nLF\n";
    Raw.Response caption =
        alice.send(
            "POST",
            "upload/youtube/v3/captions?uploadType=multipart&part=snippet&alt=json",
            python.body(
                "{\"snippet\": {\"videoId\": \"aliceVid002\", \"language\": \"es\","
                    + " \"name\": \"Espa\\u00f1ol\"}}",
                "application/octet-stream",
                srt.getBytes(StandardCharsets.UTF_8)),
            python.contentType());
    assertThat(caption.status()).as(caption.body()).isEqualTo(200);
    assertThat(caption.json().at("/snippet/language").asText()).isEqualTo("es");
    String id = caption.json().path("id").asText();
    assertThat(alice.get("youtube/v3/captions/" + id).body()).isEqualTo(srt);
  }

  @Test
  void bodiesThatAreNotMultipartAreRefusedWithBadContent() {
    Raw alice = alice();
    MultipartBody crlf = MultipartBody.crlf();
    byte[] whole = crlf.body("{}", "video/mp4", new byte[] {1, 2, 3});
    String text = new String(whole, StandardCharsets.ISO_8859_1);
    record Case(String what, byte[] body, String contentType, String message) {}
    List<Case> cases =
        List.of(
            new Case(
                "no closing boundary line",
                text.substring(0, text.lastIndexOf("--BOUNDARY--"))
                    .getBytes(StandardCharsets.ISO_8859_1),
                crlf.contentType(),
                "Malformed multipart body"),
            new Case(
                "another boundary",
                whole,
                "multipart/related; boundary=OTHER",
                "Malformed multipart body"),
            new Case(
                "headers without their end",
                "--BOUNDARY\r\nContent-Type: application/json".getBytes(StandardCharsets.UTF_8),
                crlf.contentType(),
                "Malformed multipart body"),
            new Case(
                "no boundary parameter",
                whole,
                "multipart/related",
                "Multipart upload without a boundary in its Content-Type."),
            new Case(
                "an empty boundary",
                whole,
                "multipart/related; boundary=\"\"",
                "Multipart upload without a boundary in its Content-Type."),
            new Case(
                "media that is not base64",
                ("--BOUNDARY\r\nContent-Type: application/json\r\n\r\n{}\r\n--BOUNDARY\r\n"
                        + "Content-Type: video/mp4\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + "QUJD=A\r\n--BOUNDARY--\r\n")
                    .getBytes(StandardCharsets.UTF_8),
                crlf.contentType(),
                "Malformed multipart body: the media part is not valid base64."),
            new Case(
                "one part only",
                "--BOUNDARY\r\nContent-Type: application/json\r\n\r\n{}\r\n--BOUNDARY--\r\n"
                    .getBytes(StandardCharsets.UTF_8),
                crlf.contentType(),
                "A multipart upload needs a metadata part and a media part."));
    for (Case c : cases) {
      Raw.Response answer =
          alice.send(
              "POST",
              "upload/youtube/v3/videos?uploadType=multipart&part=snippet",
              c.body(),
              c.contentType());
      assertThat(answer.status()).as(c.what() + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.json().at("/error/errors/0/reason").asText())
          .as(c.what())
          .isEqualTo("badContent");
      assertThat(answer.json().at("/error/message").asText()).as(c.what()).contains(c.message());
    }
  }
}
