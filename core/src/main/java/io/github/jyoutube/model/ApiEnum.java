package io.github.jyoutube.model;

import java.util.Objects;

/**
 * Base class of the extensible enums of the model, such as {@code PlaylistStatus.PrivacyStatus}.
 *
 * <p>Each subclass has one constant per value the API documented when this library was generated.
 * Values the API added later are not lost: the subclass's {@code of(String)} returns a new instance
 * for them, whose {@link #isKnown()} is {@code false}, and it is written back unchanged. Known
 * values are always the constants, so they can be compared with {@code ==}; in general compare with
 * {@link #equals}, which compares the class and the value.
 */
public abstract class ApiEnum {

  private final String value;
  private final boolean known;

  /**
   * Creates a value.
   *
   * @param value the value as sent on the wire
   * @param known whether it is one of the subclass's constants
   */
  protected ApiEnum(String value, boolean known) {
    this.value = Objects.requireNonNull(value, "value == null");
    this.known = known;
  }

  /**
   * The value as sent on the wire, e.g. {@code "public"}.
   *
   * @return the value as sent on the wire
   */
  public final String value() {
    return value;
  }

  /**
   * Whether this is one of the constants, rather than a value this version does not know.
   *
   * @return whether this is one of the constants
   */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(Object o) {
    return o == this
        || (o != null && o.getClass() == getClass() && ((ApiEnum) o).value.equals(value));
  }

  @Override
  public final int hashCode() {
    return 31 * getClass().hashCode() + value.hashCode();
  }

  /** Returns {@link #value()}. */
  @Override
  public final String toString() {
    return value;
  }
}
