package io.github.jyoutube.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads SubRip, WebVTT and SubViewer caption text and writes any of them, or TTML. */
final class CaptionFormats {

  /** One caption: when it shows, and what. */
  record Cue(long startMillis, long endMillis, String text) {}

  private static final Pattern TIMING =
      Pattern.compile(
          "(\\d{1,2}:)?(\\d{1,2}):(\\d{2})[.,](\\d{3})\\s*(?:-->|,)\\s*(\\d{1,2}:)?(\\d{1,2}):(\\d{2})[.,](\\d{3}).*");

  private CaptionFormats() {}

  /** The format of caption text: {@code srt}, {@code vtt}, {@code sbv} or {@code null}. */
  static String detect(String text) {
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("WEBVTT")) {
      return "vtt";
    }
    if (trimmed.startsWith("<")) {
      return "ttml";
    }
    for (String line : trimmed.split("\\R")) {
      if (line.contains("-->")) {
        return "srt";
      }
      if (TIMING.matcher(line.trim()).matches()) {
        return "sbv";
      }
    }
    return null;
  }

  static List<Cue> parse(String text) {
    List<Cue> cues = new ArrayList<>();
    String[] lines = text.replace("\r\n", "\n").split("\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = TIMING.matcher(lines[i].trim());
      if (!m.matches()) {
        continue;
      }
      long start = millis(m.group(1), m.group(2), m.group(3), m.group(4));
      long end = millis(m.group(5), m.group(6), m.group(7), m.group(8));
      StringBuilder cue = new StringBuilder();
      while (i + 1 < lines.length && !lines[i + 1].isBlank()) {
        if (cue.length() > 0) {
          cue.append('\n');
        }
        cue.append(lines[++i]);
      }
      cues.add(new Cue(start, end, cue.toString()));
    }
    return cues;
  }

  private static long millis(String hours, String minutes, String seconds, String millis) {
    long h = hours == null ? 0 : Long.parseLong(hours.substring(0, hours.length() - 1));
    return ((h * 60 + Long.parseLong(minutes)) * 60 + Long.parseLong(seconds)) * 1000
        + Long.parseLong(millis);
  }

  /** Writes cues as {@code srt}, {@code vtt}, {@code sbv} or {@code ttml}. */
  static String write(List<Cue> cues, String format) {
    StringBuilder out = new StringBuilder();
    switch (format) {
      case "vtt" -> {
        out.append("WEBVTT\n\n");
        for (Cue cue : cues) {
          out.append(time(cue.startMillis(), '.', true))
              .append(" --> ")
              .append(time(cue.endMillis(), '.', true))
              .append('\n')
              .append(cue.text())
              .append("\n\n");
        }
      }
      case "sbv" -> {
        for (Cue cue : cues) {
          out.append(time(cue.startMillis(), '.', false))
              .append(',')
              .append(time(cue.endMillis(), '.', false))
              .append('\n')
              .append(cue.text())
              .append("\n\n");
        }
      }
      case "ttml" -> {
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n")
            .append("<tt xml:lang=\"en\" xmlns=\"http://www.w3.org/ns/ttml\"><body><div>\n");
        for (Cue cue : cues) {
          out.append("<p begin=\"")
              .append(time(cue.startMillis(), '.', true))
              .append("\" end=\"")
              .append(time(cue.endMillis(), '.', true))
              .append("\">")
              .append(Html.escape(cue.text()).replace("\n", "<br/>"))
              .append("</p>\n");
        }
        out.append("</div></body></tt>\n");
      }
      default -> {
        int n = 1;
        for (Cue cue : cues) {
          out.append(n++)
              .append('\n')
              .append(time(cue.startMillis(), ',', true))
              .append(" --> ")
              .append(time(cue.endMillis(), ',', true))
              .append('\n')
              .append(cue.text())
              .append("\n\n");
        }
      }
    }
    return out.toString();
  }

  private static String time(long millis, char separator, boolean padHours) {
    long h = millis / 3_600_000;
    long m = millis / 60_000 % 60;
    long s = millis / 1000 % 60;
    long ms = millis % 1000;
    return String.format(
        Locale.ROOT,
        padHours ? "%02d:%02d:%02d%c%03d" : "%d:%02d:%02d%c%03d",
        h,
        m,
        s,
        separator,
        ms);
  }

  static String contentType(String format) {
    return switch (format == null ? "" : format) {
      case "vtt" -> "text/vtt; charset=UTF-8";
      case "srt" -> "application/x-subrip; charset=UTF-8";
      case "ttml" -> "application/ttml+xml; charset=UTF-8";
      default -> "text/plain; charset=UTF-8";
    };
  }
}
