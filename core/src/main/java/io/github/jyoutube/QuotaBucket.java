package io.github.jyoutube;

/**
 * The daily quota pools of the YouTube Data API. Since June 2026, {@code search.list}, {@code
 * videos.insert} and {@code videos.batchGetStats} draw on buckets of their own; every other method
 * draws on the shared pool (10,000 units a day by default).
 */
public enum QuotaBucket {
  /** The shared pool of units, 10,000 a day by default. */
  DEFAULT,
  /** {@code search.list}: one unit a call, 100 calls a day by default. */
  SEARCH,
  /** {@code videos.insert}: one unit a call, 100 calls a day by default. */
  VIDEO_UPLOAD,
  /** {@code videos.batchGetStats}: one unit a call, 10,000 a day by default. */
  BATCH_GET_STATS
}
