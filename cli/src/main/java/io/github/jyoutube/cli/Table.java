package io.github.jyoutube.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table: a header row in capitals, then one row per item, columns separated by two
 * spaces. Cells longer than {@link #MAX_CELL} characters are cut with an ellipsis; {@code null}
 * cells print as {@code -}. Runs of white space print as one space, and control characters as
 * visible stand-ins ({@link Terminal#printable}): a cell is server data, never terminal commands.
 */
final class Table {

  /** The widest a cell may be. */
  static final int MAX_CELL = 60;

  private final List<String> headers;
  private final List<String[]> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; it must have one value per header. */
  Table row(Object... values) {
    if (values.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row needs " + headers.size() + " values, got " + values.length);
    }
    String[] cells = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      cells[i] = cell(values[i]);
    }
    rows.add(cells);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  int size() {
    return rows.size();
  }

  /** Prints the table; an empty one prints {@code emptyText} instead. */
  void print(PrintWriter out, String emptyText) {
    if (rows.isEmpty()) {
      out.println(emptyText);
      out.flush();
      return;
    }
    for (String line : lines()) {
      out.println(line);
    }
    out.flush();
  }

  /** The table's lines, without trailing spaces. */
  List<String> lines() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(headers.get(i));
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], width(row[i]));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(headers.toArray(String[]::new), widths));
    for (String[] row : rows) {
      lines.add(line(row, widths));
    }
    return lines;
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        text.append("  ");
      }
      text.append(cells[i]);
      if (i < cells.length - 1) {
        text.append(" ".repeat(widths[i] - width(cells[i])));
      }
    }
    return text.toString().stripTrailing();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "-";
    }
    String text = Terminal.printable(String.valueOf(value).replaceAll("\\s+", " ").strip());
    if (text.isEmpty()) {
      return "-";
    }
    if (width(text) > MAX_CELL) {
      int end = text.offsetByCodePoints(0, MAX_CELL - 1);
      text = text.substring(0, end).stripTrailing() + "…";
    }
    return text;
  }

  /** The number of code points: close enough to the display width for the text YouTube sends. */
  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  @Override
  public String toString() {
    return "Table" + headers + " with " + rows.size() + " rows";
  }
}
