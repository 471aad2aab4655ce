package io.github.jyoutube.cli;

import io.github.jyoutube.Json;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.paging.Page;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every command that does something: access to the global options, the session, the
 * streams, and the two output formats.
 */
abstract class BaseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  /** Does the work; returns the exit code. */
  abstract int run() throws Exception;

  JYouTubeCommand root() {
    return (JYouTubeCommand) spec.root().userObject();
  }

  Session session() {
    return root().session();
  }

  /** The signed-in client. */
  YouTubeClient client() {
    return session().signedIn();
  }

  PrintWriter out() {
    return root().env().out();
  }

  PrintWriter err() {
    return root().env().err();
  }

  /**
   * The command line of {@code jyoutube REST} for the account of this run: {@code jyoutube
   * --account work auth login} when {@code --account work} was given. For text printed directly;
   * the hints of failures get it in {@link Errors#forAccount}.
   */
  String command(String rest) {
    Session session = session();
    return "jyoutube "
        + (session.namedAccount() ? "--account " + session.account() + " " : "")
        + rest;
  }

  boolean json() {
    return root().output() == GlobalOptions.OutputFormat.JSON;
  }

  /** Prints {@code value} as the API's JSON on one line. */
  void printJson(Object value) {
    out().println(Json.write(value));
    out().flush();
  }

  /**
   * Prints up to {@code max} items of {@code pages}: as a table with one row per item, or as JSON,
   * the first page's response with the items of every page fetched.
   */
  <P extends Page<I>, I> int printList(
      Iterable<P> pages, long max, Table table, Function<I, Object[]> row, String emptyText) {
    List<P> fetched = new ArrayList<>();
    List<I> items = new ArrayList<>();
    for (P page : pages) {
      fetched.add(page);
      if (page.items() != null) {
        for (I item : page.items()) {
          if (items.size() < max) {
            items.add(item);
          }
        }
      }
      if (items.size() >= max) {
        break;
      }
    }
    if (json()) {
      printJson(merged(fetched, items));
      return ExitCodes.OK;
    }
    for (I item : items) {
      table.row(row.apply(item));
    }
    table.print(out(), emptyText);
    return ExitCodes.OK;
  }

  private static <P extends Page<I>, I> Object merged(List<P> pages, List<I> items) {
    if (pages.size() == 1
        && (pages.get(0).items() == null || pages.get(0).items().size() == items.size())) {
      return pages.get(0);
    }
    if (pages.isEmpty()) {
      return Map.of("items", List.of());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> first =
        new LinkedHashMap<>((Map<String, Object>) Json.tree(Json.write(pages.get(0))));
    first.put("items", items);
    String next = pages.get(pages.size() - 1).nextPageToken();
    if (next == null) {
      first.remove("nextPageToken");
    } else {
      first.put("nextPageToken", next);
    }
    return first;
  }

  /** The first ten characters of a date-time: the date. */
  static String date(Object dateTime) {
    if (dateTime == null) {
      return null;
    }
    String text = dateTime.toString();
    return text.length() >= 10 ? text.substring(0, 10) : text;
  }

  /** {@code value()} of an API enum, or {@code null}. */
  static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
