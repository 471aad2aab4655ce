/**
 * The resources and messages of the YouTube Data API v3, as immutable records.
 *
 * <p>The records are generated from the API's discovery document by {@code jyoutube-codegen}, one
 * per schema, with one component per JSON property (named as the property, except where that is not
 * a usable Java name: {@code default} is {@code defaultValue}).
 *
 * <ul>
 *   <li>Components are {@code null} when the API omitted the property, and {@code null} components
 *       are left out when a record is written; lists and maps are unmodifiable.
 *   <li>Properties a record does not know are kept in its {@code additionalProperties()} map and
 *       written back, so reading and writing a resource loses nothing.
 *   <li>Enumerated strings are {@link io.github.jyoutube.model.ApiEnum} subclasses nested in the
 *       record, which also hold values added to the API after this library was generated.
 *   <li>{@code int64} and {@code uint64} values are {@link java.lang.Long} and {@link
 *       java.math.BigInteger}, written as JSON strings as the API does; date-times are {@link
 *       io.github.jyoutube.model.DateTime}, which keeps the text the API sent ({@code toInstant()}
 *       and {@code toOffsetDateTime()} give the Java time).
 *   <li>The resources sent as request bodies, and everything they contain, have a {@code builder()}
 *       and a {@code toBuilder()}.
 * </ul>
 *
 * <p>Use {@link io.github.jyoutube.Json} to read and write them outside the client.
 */
package io.github.jyoutube.model;
