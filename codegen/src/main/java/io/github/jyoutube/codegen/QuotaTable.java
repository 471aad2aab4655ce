package io.github.jyoutube.codegen;

import io.github.jyoutube.codegen.DiscoveryDocument.Method;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The quota cost of each method, from the hand-maintained table {@value #RESOURCE} (tab-separated:
 * method id, bucket, units, estimated, source; {@code #} starts a comment line).
 *
 * <p>A method the table does not list gets the documented rule of thumb, marked estimated: a {@code
 * GET} costs 1 unit of the {@code DEFAULT} bucket, any other method 50.
 */
public final class QuotaTable {

  /** The class-path resource the table is read from. */
  public static final String RESOURCE = "/quota-costs.tsv";

  /** The source key of costs from the rule of thumb. */
  public static final String RULE_OF_THUMB = "ROT";

  private static final Pattern BUCKET = Pattern.compile("[A-Z][A-Z0-9_]*");

  /**
   * What one request of a method costs.
   *
   * @param bucket the quota bucket, a constant of {@code io.github.jyoutube.QuotaBucket}
   * @param units the units one request costs
   * @param estimated whether the figure is the rule of thumb rather than a published one
   * @param source where the figure comes from, e.g. {@code QC}
   */
  public record Cost(String bucket, int units, boolean estimated, String source) {}

  private final Map<String, Cost> costs;

  private QuotaTable(Map<String, Cost> costs) {
    this.costs = Collections.unmodifiableMap(costs);
  }

  /** The table shipped with the generator. */
  public static QuotaTable load() {
    try (InputStream in = QuotaTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a table; fails on a malformed or duplicate row, naming its line. */
  public static QuotaTable parse(String text) {
    Map<String, Cost> costs = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    boolean header = true;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (header) {
        header = false;
        if (cells[0].equals("method")) {
          continue;
        }
      }
      if (cells.length != 5) {
        throw new IllegalArgumentException(
            "quota table line " + (i + 1) + ": expected 5 tab-separated cells: " + line);
      }
      String bucket = cells[1].strip();
      if (!BUCKET.matcher(bucket).matches()) {
        throw new IllegalArgumentException(
            "quota table line " + (i + 1) + ": bad bucket " + bucket);
      }
      int units;
      try {
        units = Integer.parseInt(cells[2].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "quota table line " + (i + 1) + ": bad units " + cells[2], e);
      }
      String estimated = cells[3].strip();
      if (units < 0 || !(estimated.equals("true") || estimated.equals("false"))) {
        throw new IllegalArgumentException(
            "quota table line " + (i + 1) + ": bad units or estimated flag: " + line);
      }
      Cost cost = new Cost(bucket, units, Boolean.parseBoolean(estimated), cells[4].strip());
      if (costs.put(cells[0].strip(), cost) != null) {
        throw new IllegalArgumentException(
            "quota table line " + (i + 1) + ": duplicate method " + cells[0]);
      }
    }
    return new QuotaTable(costs);
  }

  /** The costs the table lists, by method id, in table order. */
  public Map<String, Cost> costs() {
    return costs;
  }

  /** Whether the table lists {@code methodId}. */
  public boolean lists(String methodId) {
    return costs.containsKey(methodId);
  }

  /** The cost of {@code method}: the table's, or the rule of thumb if it is not listed. */
  public Cost cost(Method method) {
    Cost cost = costs.get(method.id());
    if (cost != null) {
      return cost;
    }
    return ruleOfThumb(method.httpMethod());
  }

  /** The documented rule of thumb: a {@code GET} costs 1, any other request 50. */
  public static Cost ruleOfThumb(String httpMethod) {
    return new Cost("DEFAULT", "GET".equals(httpMethod) ? 1 : 50, true, RULE_OF_THUMB);
  }
}
