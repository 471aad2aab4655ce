package io.github.jyoutube.recipes;

import io.github.jyoutube.QuotaBucket;

/**
 * What a search past 500 results is expected to cost, from the count the API reports for the whole
 * window and the assumption that results spread evenly over time (they rarely do exactly: windows
 * denser than average are split again, at one more call each).
 *
 * @param reportedResults the {@code pageInfo.totalResults} of the whole window, an estimate itself
 * @param calls the {@code search.list} calls expected, the one that asked for the count included
 * @param units the quota units those calls cost
 * @param bucket the quota pool they draw on ({@link QuotaBucket#SEARCH}, 100 calls a day)
 * @param spent the calls already made to estimate (1), which the search itself reuses
 */
public record SearchEstimate(
    long reportedResults, long calls, long units, QuotaBucket bucket, long spent) {

  @Override
  public String toString() {
    return "about "
        + reportedResults
        + " results in about "
        + calls
        + " calls ("
        + units
        + " units of the "
        + bucket
        + " bucket; "
        + spent
        + " spent on the estimate)";
  }
}
