package io.github.jyoutube.cli;

import io.github.jyoutube.media.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * An upload's progress on standard error, redrawn in place with a carriage return:
 *
 * <pre>
 * uploading [##############..........]  58%  371.0 KiB / 640.0 KiB  2.1 MiB/s
 * </pre>
 *
 * <p>{@link #done()} ends the line.
 */
final class ProgressBar implements ProgressListener {

  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final String label;
  private int lastLength;
  private boolean drawn;

  ProgressBar(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
  }

  @Override
  public synchronized void progress(long done, long total, double bytesPerSecond) {
    StringBuilder line = new StringBuilder(label).append(' ');
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, done * WIDTH / total);
      line.append('[')
          .append("#".repeat(filled))
          .append(".".repeat(WIDTH - filled))
          .append("] ")
          .append(String.format(Locale.ROOT, "%3d%%", done * 100 / total))
          .append("  ")
          .append(bytes(done))
          .append(" / ")
          .append(bytes(total));
    } else {
      line.append(bytes(done));
    }
    if (bytesPerSecond > 0) {
      line.append("  ").append(bytes((long) bytesPerSecond)).append("/s");
    }
    String text = line.toString();
    int pad = Math.max(0, lastLength - text.length());
    err.print("\r" + text + " ".repeat(pad));
    err.flush();
    lastLength = text.length();
    drawn = true;
  }

  /** Ends the bar's line. */
  synchronized void done() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  /** {@code 640.0 KiB}, {@code 1.5 MiB}, {@code 512 B}. */
  static String bytes(long count) {
    if (count < 1024) {
      return count + " B";
    }
    double value = count;
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
