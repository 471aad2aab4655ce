package io.github.jyoutube.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * An RFC 3339 date-time as the API sent it, such as {@code 2024-01-02T03:04:05Z} or {@code
 * 2021-03-05T05:31:24.749548+00:00}.
 *
 * <p>The text is kept exactly, so a model written back carries the same characters it was read with
 * (the API mixes {@code Z} and {@code +00:00}, whole seconds and microseconds); {@link
 * #toInstant()} and {@link #toOffsetDateTime()} give the Java time. Two values are equal when their
 * texts are equal; compare instants with {@code toInstant()}.
 *
 * @param value the date-time as written on the wire
 */
public record DateTime(String value) implements Comparable<DateTime> {

  /**
   * Checks the text is present; it is parsed only when asked for a Java time.
   *
   * @param value the value for the {@code value} record component
   */
  public DateTime {
    Objects.requireNonNull(value, "value == null");
  }

  /**
   * Reads the wire text; the same as the constructor, named for Jackson and for readers.
   *
   * @param value the date-time as written on the wire
   * @return the date-time
   */
  public static DateTime parse(String value) {
    return new DateTime(value);
  }

  /**
   * The date-time of {@code instant}, written in UTC with a {@code Z}.
   *
   * @param instant the instant
   * @return the date-time, in UTC
   */
  public static DateTime of(Instant instant) {
    Objects.requireNonNull(instant, "instant == null");
    return new DateTime(DateTimeFormatter.ISO_INSTANT.format(instant));
  }

  /**
   * The date-time of {@code dateTime}, written with its offset.
   *
   * @param dateTime the date-time
   * @return the date-time, with its offset
   */
  public static DateTime of(OffsetDateTime dateTime) {
    Objects.requireNonNull(dateTime, "dateTime == null");
    return new DateTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime));
  }

  /** {@return the text as the API sent it} */
  @Override
  public String value() {
    return value;
  }

  /**
   * {@return the moment this date-time names}
   *
   * @throws java.time.format.DateTimeParseException if the text is not an RFC 3339 date-time
   */
  public Instant toInstant() {
    return toOffsetDateTime().toInstant();
  }

  /**
   * {@return the date-time with the offset it was written with}
   *
   * @throws java.time.format.DateTimeParseException if the text is not an RFC 3339 date-time
   */
  public OffsetDateTime toOffsetDateTime() {
    return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** Orders by instant, then by text, so that it is consistent with {@link #equals}. */
  @Override
  public int compareTo(DateTime other) {
    int byInstant = toInstant().compareTo(other.toInstant());
    return byInstant != 0 ? byInstant : value.compareTo(other.value);
  }

  /** Returns the text. */
  @Override
  public String toString() {
    return value;
  }
}
