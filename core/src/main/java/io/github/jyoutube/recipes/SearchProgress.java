package io.github.jyoutube.recipes;

/**
 * How far a search past 500 results has come, counted as it goes.
 *
 * @param calls the {@code search.list} calls made so far
 * @param units the quota units they cost
 * @param results the distinct results received so far
 * @param duplicates results dropped because an earlier window had yielded them
 * @param windowsSplit windows split because they reported more than the API pages through
 * @param windowsTruncated windows that still reported more than the API pages through when they
 *     could be split no further: their results past the API's limit are missing
 * @param windowsLeft windows still to search
 * @param budgetSpent whether the walk stopped at its most calls ({@link SearchAll#maxCalls}) with
 *     windows left
 */
public record SearchProgress(
    long calls,
    long units,
    long results,
    long duplicates,
    int windowsSplit,
    int windowsTruncated,
    int windowsLeft,
    boolean budgetSpent) {}
