/**
 * Push notifications of a channel's uploads, through YouTube's PubSubHubbub (WebSub) hub: subscribe
 * a callback, answer the hub's verification, check each notification's signature, and read its Atom
 * feed into typed {@link io.github.jyoutube.push.PushEvent events}.
 *
 * <p><b>Subscribe</b> with {@link io.github.jyoutube.push.PushNotifications}, from {@code
 * cli.pushNotifications()}, giving it the handler that serves the callback so that it knows what to
 * expect:
 *
 * <pre>{@code
 * PushNotificationHandler handler =
 *     new PushNotificationHandler(
 *         event -> {
 *           if (event instanceof PushEvent.VideoPublished v) {
 *             System.out.println("new video " + v.videoId() + ": " + v.title());
 *           } else if (event instanceof PushEvent.VideoDeleted d) {
 *             System.out.println("deleted " + d.videoId());
 *           }
 *         });
 * String secret = ...; // random, per subscription
 * cli.pushNotifications()
 *     .subscribe(
 *         "UC_x5XG1OV2P6uZZ5FSM9Ttw",
 *         "https://example.com/youtube/push",
 *         SubscribeOptions.defaults().withSecret(secret).withLeaseSeconds(86_400),
 *         handler);
 * }</pre>
 *
 * <p><b>Receive</b> with {@link io.github.jyoutube.push.PushNotificationReceiver}, a small server
 * of the JDK's, or mount the handler in any framework: it takes the method, the raw query, the
 * headers and the body, and returns the status, content type and body to send. With the JDK's own
 * {@code HttpServer}, for instance (a servlet, a Spring controller, Javalin or Vert.x route look
 * the same):
 *
 * <pre>{@code
 * server.createContext("/youtube/push", exchange -> {
 *   byte[] body = exchange.getRequestBody().readNBytes(PushNotificationHandler.DEFAULT_MAX_BODY_BYTES + 1);
 *   PushNotificationHandler.Response r =
 *       handler.handle(
 *           exchange.getRequestMethod(),
 *           exchange.getRequestURI().getRawQuery(),
 *           exchange.getRequestHeaders(),
 *           body);
 *   byte[] answer = r.bodyBytes();
 *   exchange.getResponseHeaders().set("Content-Type", r.contentType());
 *   exchange.sendResponseHeaders(r.status(), answer.length == 0 ? -1 : answer.length);
 *   exchange.getResponseBody().write(answer);
 *   exchange.close();
 * });
 * }</pre>
 *
 * <p><b>Safety.</b> The handler answers a verification only for a topic and mode it was told to
 * expect (else 404); it refuses an unsigned or badly signed notification when the subscription has
 * a secret (constant-time HMAC comparison), before reading it; and it reads the XML with DTDs,
 * external entities and XInclude disabled, so that neither an entity bomb nor an external entity
 * can cost memory or reach the network or the file system.
 *
 * <p>Parameters and return values are non-null unless documented otherwise. No type here shows a
 * secret in its {@code toString()}.
 */
package io.github.jyoutube.push;
