package io.github.jyoutube;

/**
 * Sees each Data API call before it is sent and decides what it goes out with: given to {@link
 * YouTubeClient.Builder#interceptor}, it receives the call (as listeners see it) and the options it
 * would be sent with, and returns the options to send it with: extra headers (a trace context, a
 * proxy's routing header), another timeout, retry count or {@code quotaUser}. Throwing refuses the
 * call before anything is sent: it fails with {@link
 * io.github.jyoutube.error.CallRefusedException}, whose cause is what the interceptor threw, and no
 * quota is reserved.
 *
 * <pre>{@code
 * YouTubeClient cli = YouTubeClient.builder().apiKey(key)
 *     .interceptor((call, options) -> {
 *       if (readOnly && !call.httpMethod().equals("GET")) {
 *         throw new IllegalStateException("read-only mode");
 *       }
 *       return options.withHeader("X-Request-Id", UUID.randomUUID().toString());
 *     })
 *     .build();
 * }</pre>
 *
 * <p>It runs once per call on the thread that makes it, after the listeners were told the call
 * started and before the first attempt; the retries of a call send what it returned. Interceptors
 * run in the order they were added, each given what the one before returned. Clients derived with
 * {@link YouTubeClient#withOptions} or {@link YouTubeClient#forAccount} share them. Headers that
 * carry credentials or that the client sets itself cannot be set (see {@link
 * RequestOptions#withHeader}), and a header the request sets itself (such as {@code If-None-Match})
 * wins. Each chunk of an upload and each download is a call too; they take the headers (and a
 * refusal) but keep their own time limits and retries. Calls to the OAuth endpoints, which carry
 * secrets, are not intercepted.
 */
@FunctionalInterface
public interface CallInterceptor {

  /**
   * Decides the options of one call.
   *
   * @param call the call about to be sent
   * @param options what it would be sent with: the request's options over its client's
   * @return what to send it with: {@code options} itself to change nothing
   */
  RequestOptions intercept(CallInfo call, RequestOptions options);
}
