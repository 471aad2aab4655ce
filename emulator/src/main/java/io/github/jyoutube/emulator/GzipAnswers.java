package io.github.jyoutube.emulator;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip for answers, as Google compresses them: text and JSON only, when the client's {@code
 * Accept-Encoding} allows gzip. Runs on the server's threads, outside the backend's lock, at the
 * fastest level (the load test ran 20-30% slower at the default level, no slower at this one);
 * deflaters are kept for reuse (a new one sets up a quarter of a megabyte of native memory).
 */
final class GzipAnswers {

  /** RFC 1952's header: deflate, no flags, no time, unknown OS. */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private static final BlockingQueue<Deflater> IDLE = new ArrayBlockingQueue<>(16);

  private GzipAnswers() {}

  /** Whether answers of this content type are compressed: text, JSON, XML, HTML, subtitles. */
  static boolean compressible(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.endsWith("+json")
        || type.equals("application/xml")
        || type.endsWith("+xml")
        || type.equals("application/x-subrip")
        || type.equals("application/javascript");
  }

  /**
   * Whether an {@code Accept-Encoding} header allows gzip (RFC 9110 §12.5.3): {@code gzip} or
   * {@code x-gzip} with a non-zero weight, or else {@code *} with one.
   */
  static boolean accepted(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    double gzip = -1;
    double any = -1;
    for (String item : acceptEncoding.split(",")) {
      String[] pieces = item.split(";");
      String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
      double weight = 1;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].trim().toLowerCase(Locale.ROOT);
        if (parameter.startsWith("q=")) {
          weight = weight(parameter.substring(2));
        }
      }
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        gzip = Math.max(gzip, weight);
      } else if (coding.equals("*")) {
        any = Math.max(any, weight);
      }
    }
    return gzip >= 0 ? gzip > 0 : any > 0;
  }

  private static double weight(String text) {
    try {
      double q = Double.parseDouble(text.trim());
      return q >= 0 && q <= 1 ? q : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code body} as one gzip member. */
  static byte[] gzip(byte[] body) {
    Deflater deflater = IDLE.poll();
    if (deflater == null) {
      deflater = new Deflater(Deflater.BEST_SPEED, true);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
      out.writeBytes(HEADER);
      deflater.setInput(body);
      deflater.finish();
      byte[] buffer = new byte[Math.min(64 * 1024, Math.max(512, body.length / 2))];
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        out.write(buffer, 0, n);
      }
      CRC32 crc = new CRC32();
      crc.update(body);
      writeInt(out, (int) crc.getValue());
      writeInt(out, body.length);
      return out.toByteArray();
    } finally {
      deflater.reset();
      if (!IDLE.offer(deflater)) {
        deflater.end();
      }
    }
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
    out.write(value >>> 16);
    out.write(value >>> 24);
  }
}
