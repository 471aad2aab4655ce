package io.github.jyoutube.resource;

import io.github.jyoutube.http.ClientContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A request that reads: besides {@link #execute()}, it can ask for the answer only if it changed
 * since an {@code etag} the caller holds.
 *
 * @param <T> the response type
 * @param <R> the concrete request type
 */
public abstract class ReadRequest<T, R extends ReadRequest<T, R>> extends ApiRequest<T, R> {

  ReadRequest(ClientContext context, MethodSpec spec, Class<T> responseType) {
    super(context, spec, responseType, null);
  }

  /**
   * Asks for the answer only if it differs from the one with {@code etag} (sends {@code
   * If-None-Match}). When it has not changed, the API answers 304 without a body: {@link
   * #executeIfModified()} returns empty and {@link #execute()} returns {@code null}.
   *
   * @param etag the {@code etag} of the answer held
   * @return this request
   */
  public final R ifNoneMatch(String etag) {
    return header("If-None-Match", etag);
  }

  /**
   * Sends the request and waits for the answer. An {@code id} list longer than the API's 50 goes
   * out as requests of at most 50 ids each, four at a time, and their answers come back merged into
   * one, the items in the order of the ids asked (ids asked twice are asked for once).
   */
  @Override
  public T execute() {
    IdBatches<T> batches = IdBatches.of(this, Long.MAX_VALUE);
    return batches == null ? super.execute() : batches.merged();
  }

  /**
   * Sends the request on the client's executor, as {@link #execute()} does (more than 50 ids
   * included, their requests chained on the executor without blocking a thread of it).
   */
  @Override
  public CompletableFuture<T> executeAsync() {
    IdBatches<T> batches = IdBatches.of(this, Long.MAX_VALUE);
    return batches == null ? super.executeAsync() : batches.mergedAsync();
  }

  /**
   * Sends the request; empty when the API answered 304 Not Modified to {@link #ifNoneMatch}.
   *
   * @return the answer, or empty if unchanged
   */
  public final Optional<T> executeIfModified() {
    return Optional.ofNullable(execute());
  }
}
