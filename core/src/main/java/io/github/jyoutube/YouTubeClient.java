package io.github.jyoutube;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AccountTokenStore;
import io.github.jyoutube.auth.AuthorizationOptions;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.auth.ClientSecrets;
import io.github.jyoutube.auth.CredentialHeader;
import io.github.jyoutube.auth.DeviceAuthorization;
import io.github.jyoutube.auth.TokenStore;
import io.github.jyoutube.auth.UserInfo;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.http.Authorizer;
import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.http.ClientLifecycle;
import io.github.jyoutube.http.Constructors;
import io.github.jyoutube.http.Credential;
import io.github.jyoutube.http.Daemons;
import io.github.jyoutube.http.Durations;
import io.github.jyoutube.http.HttpCall;
import io.github.jyoutube.http.HttpExecutor;
import io.github.jyoutube.http.HttpTransport;
import io.github.jyoutube.http.JdkClients;
import io.github.jyoutube.http.JdkHttpLogging;
import io.github.jyoutube.http.OAuthClient;
import io.github.jyoutube.http.PlainHttp;
import io.github.jyoutube.http.RetryPolicy;
import io.github.jyoutube.http.TokenManager;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.media.ResumableUpload;
import io.github.jyoutube.media.UploadOptions;
import io.github.jyoutube.push.PushNotifications;
import io.github.jyoutube.recipes.Recipes;
import io.github.jyoutube.recipes.Waiters;
import io.github.jyoutube.resource.AbuseReportsResource;
import io.github.jyoutube.resource.ActivitiesResource;
import io.github.jyoutube.resource.CaptionsResource;
import io.github.jyoutube.resource.ChannelBannersResource;
import io.github.jyoutube.resource.ChannelSectionsResource;
import io.github.jyoutube.resource.ChannelsResource;
import io.github.jyoutube.resource.CommentThreadsResource;
import io.github.jyoutube.resource.CommentsResource;
import io.github.jyoutube.resource.I18nLanguagesResource;
import io.github.jyoutube.resource.I18nRegionsResource;
import io.github.jyoutube.resource.LiveBroadcastsResource;
import io.github.jyoutube.resource.LiveChatBansResource;
import io.github.jyoutube.resource.LiveChatMessagesResource;
import io.github.jyoutube.resource.LiveChatModeratorsResource;
import io.github.jyoutube.resource.LiveStreamsResource;
import io.github.jyoutube.resource.MembersResource;
import io.github.jyoutube.resource.MembershipsLevelsResource;
import io.github.jyoutube.resource.PlaylistImagesResource;
import io.github.jyoutube.resource.PlaylistItemsResource;
import io.github.jyoutube.resource.PlaylistsResource;
import io.github.jyoutube.resource.SearchResource;
import io.github.jyoutube.resource.SubscriptionsResource;
import io.github.jyoutube.resource.SuperChatEventsResource;
import io.github.jyoutube.resource.TestsResource;
import io.github.jyoutube.resource.ThirdPartyLinksResource;
import io.github.jyoutube.resource.ThumbnailsResource;
import io.github.jyoutube.resource.VideoAbuseReportReasonsResource;
import io.github.jyoutube.resource.VideoCategoriesResource;
import io.github.jyoutube.resource.VideoTrainabilityResource;
import io.github.jyoutube.resource.VideosResource;
import io.github.jyoutube.resource.WatermarksResource;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * The entry point: a client of the YouTube Data API v3 and of Google's OAuth 2.0 endpoints.
 *
 * <pre>{@code
 * YouTubeClient cli = YouTubeClient.builder().clientId("id").clientSecret("secret").build();
 * AuthorizationUrl auth = cli.getAuthorizeUrl();       // send the user to auth.uri()
 * AccessToken token = cli.generateAccessToken(redirectUrl);
 * PlaylistListResponse playlists = cli.playlists().list().mine(true).execute();
 * }</pre>
 *
 * <p>A client is safe for use from several threads and should be shared: it holds the connection
 * pool and the token, which it refreshes by itself when it has a refresh token and client
 * credentials.
 *
 * <p><b>Many accounts.</b> A server makes one client and a view per user with {@link
 * #forAccount(String)}: each view has its own token (from the {@linkplain Builder#accountTokenStore
 * account token store}), refreshed once however many threads need it, and shares the client's
 * connections, threads, retries, listeners and quota meter. A view costs no thread; see the README,
 * "Servers and many accounts".
 *
 * <p><b>Closing.</b> {@link #close()} releases the connections and threads the client made (not an
 * {@link Builder#httpClient HttpClient} it was given); calls made afterwards, through it or any
 * client derived from it, fail with an {@link IllegalStateException} saying so.
 */
public final class YouTubeClient implements AutoCloseable {

  /** The library's version, as in its artifact. */
  public static final String VERSION = readVersion();

  private final OAuthClient oauth;
  private final TokenManager tokens;
  private final HttpExecutor apiExecutor;
  private final Endpoints endpoints;
  private final QuotaMeter quota;
  private final ClientContext context;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ClientLifecycle lifecycle;
  private final AccountViews accounts;

  private YouTubeClient(Builder builder, ClientSecrets secrets, AccessToken stored) {
    this.endpoints = builder.endpoints;
    // API calls run the JDK client's internal tasks on its selector thread (executor
    // Runnable::run): no hand-off to a pool thread per response, about half the client's CPU per
    // call (docs/PERFORMANCE.md). Streamed uploads and downloads use a client with a pool of its
    // own, made on first use (see JdkClients). A caller's own client serves both.
    boolean plainHttp = builder.httpClient == null && plainHttpOnly(builder.endpoints);
    warmUp(plainHttp);
    JdkHttpLogging.warnIfEnabled();
    JdkClients http =
        builder.httpClient != null
            ? JdkClients.borrowed(builder.httpClient)
            : JdkClients.owned(builder.connectTimeout, plainHttp);
    this.lifecycle = ClientLifecycle.root(http::close);
    String userAgent =
        (builder.userAgent == null ? "" : builder.userAgent + " ")
            + "jyoutube/"
            + VERSION
            + " (Java "
            + Runtime.version().feature()
            + ")";
    HttpTransport transport =
        new HttpTransport(http, userAgent, builder.requestTimeout, builder.maxResponseBytes);
    RetryPolicy policy = RetryPolicy.defaults().withMaxRetries(builder.maxRetries);
    Executor async = builder.executor != null ? builder.executor : DefaultExecutor.INSTANCE;

    this.quota =
        new QuotaMeter(
            builder.clock,
            builder.quotaLedger != null ? builder.quotaLedger : QuotaLedger.inMemory(),
            builder.quotaBudgets.copy(),
            builder.quotaMaxWait,
            builder.sleeper);
    // OAuth answers are a few hundred bytes: a body past this limit is refused at once, so that
    // a hostile endpoint cannot fill a small heap.
    HttpTransport oauthTransport =
        new HttpTransport(
            http,
            userAgent,
            builder.requestTimeout,
            Math.min(builder.maxResponseBytes, MAX_OAUTH_RESPONSE_BYTES));
    HttpExecutor oauthExecutor =
        new HttpExecutor(
            oauthTransport,
            policy,
            builder.sleeper,
            builder.clock,
            NO_CREDENTIAL,
            async,
            quota,
            builder.listeners,
            List.of(), // token calls carry secrets: not for interceptors
            lifecycle);
    String clientId = secrets != null ? secrets.clientId() : builder.clientId;
    String clientSecret = secrets != null ? secrets.clientSecret() : builder.clientSecret;
    String redirectUri = OAuthClient.DEFAULT_REDIRECT_URI;
    if (builder.redirectUri != null) {
      redirectUri = builder.redirectUri;
    } else if (secrets != null && !secrets.redirectUris().isEmpty()) {
      redirectUri = secrets.redirectUris().get(0);
    }
    this.oauth =
        clientId == null
            ? null
            : new OAuthClient(
                clientId, clientSecret, redirectUri, endpoints, oauthExecutor, builder.clock);

    AccessToken initial = builder.accessToken != null ? builder.accessToken : stored;
    if (initial != null && !initial.isRefreshable() && builder.refreshToken != null) {
      // Access and refresh token given apart, as apps that stored both do: one credential.
      initial = initial.withRefreshToken(builder.refreshToken);
    }
    // One refresh may take every attempt the retry policy allows, and the waits between them.
    Duration refreshWait =
        builder
            .requestTimeout
            .multipliedBy(builder.maxRetries + 1L)
            .plus(policy.maxDelay().multipliedBy(builder.maxRetries));
    this.tokens =
        new TokenManager(
            initial,
            initial == null ? builder.refreshToken : null,
            clientSecret == null ? null : oauth,
            builder.tokenStore,
            builder.clock,
            builder.apiKey,
            builder.accountLabel,
            refreshWait);
    if (builder.accessToken != null) {
      builder.tokenStore.save(initial);
    }
    this.apiExecutor =
        new HttpExecutor(
            transport,
            policy,
            builder.sleeper,
            builder.clock,
            tokens,
            async,
            quota,
            builder.listeners,
            builder.interceptors,
            lifecycle);
    this.context = new ClientContext(apiExecutor, endpoints.api(), endpoints.upload());
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.accounts =
        new AccountViews(
            builder.accountTokenStore != null
                ? builder.accountTokenStore
                : AccountTokenStore.inMemory(),
            clientSecret == null ? null : oauth,
            builder.clock,
            refreshWait);
  }

  /**
   * A client derived from {@code parent}: the same transport (connections), endpoints, OAuth client
   * and quota meter, with {@code tokens} and {@code apiExecutor} (a view of the parent's executor,
   * {@link HttpExecutor#derive}, with its own lifecycle). Derived clients share what is costly or
   * counted and differ in what each call carries: {@link #withOptions} keeps the parent's tokens;
   * {@link #forAccount} brings the account's own.
   */
  private YouTubeClient(YouTubeClient parent, TokenManager tokens, HttpExecutor apiExecutor) {
    this.endpoints = parent.endpoints;
    this.oauth = parent.oauth;
    this.quota = parent.quota;
    this.clock = parent.clock;
    this.sleeper = parent.sleeper;
    this.accounts = parent.accounts;
    this.tokens = tokens;
    this.apiExecutor = apiExecutor;
    this.lifecycle = apiExecutor.lifecycle();
    this.context = new ClientContext(apiExecutor, endpoints.api(), endpoints.upload());
  }

  /**
   * A client whose calls carry {@code options} (a timeout per attempt, retries, extra headers, a
   * {@code quotaUser}) over this client's, and share everything else with it: the connections, the
   * token and its refreshes, and the quota meter, which counts the calls of both. Cheap to make;
   * options a request sets still win.
   *
   * <pre>{@code
   * YouTubeClient patient = cli.withOptions(RequestOptions.defaults().withTimeout(Duration.ofMinutes(5)));
   * YouTubeClient forUser = cli.withOptions(RequestOptions.defaults().withQuotaUser("user-42"));
   * }</pre>
   *
   * @param options the options, over this client's
   * @return the derived client
   */
  public YouTubeClient withOptions(RequestOptions options) {
    Objects.requireNonNull(options, "options == null");
    lifecycle.ensureOpen();
    return new YouTubeClient(
        this,
        tokens,
        apiExecutor.derive(
            tokens,
            apiExecutor.defaults().overriddenBy(options),
            lifecycle.derived("the client made with withOptions")));
  }

  /**
   * A view of this client for one account: calls carry that account's token, loaded from the
   * {@linkplain Builder#accountTokenStore account token store} (in memory unless the builder set
   * one), and every token the view obtains (a refresh, a sign-in with {@link #generateAccessToken})
   * is saved there under {@code account}. The view shares everything else with this client:
   * connections, threads, retries, options, listeners and the quota meter, which counts the calls
   * of all views. It costs no thread and no connection.
   *
   * <p>Views of one account share one token manager while any of them is in use: however many
   * threads and views need a refresh, one request goes out (and one among the processes sharing a
   * {@link io.github.jyoutube.auth.JdbcTokenStore}). When the account must sign in again, calls
   * fail with a {@link io.github.jyoutube.error.ReauthorizationRequiredException} whose {@code
   * accountLabel()} is {@code account}. An account with no stored token gets a view with none: its
   * API calls fail until it signs in through the view.
   *
   * <p>Closing a view ends that view's calls only; closing this client ends its views' calls too.
   *
   * <pre>{@code
   * YouTubeClient alice = cli.forAccount("alice@example.com");
   * alice.playlists().list().mine(true).execute();
   * }</pre>
   *
   * @param account the account key under which its token is stored: your user ID, an email address;
   *     it names the account in messages
   * @return the view
   * @throws IllegalArgumentException if {@code account} is empty or blank
   * @throws io.github.jyoutube.error.TokenStoreException if the stored token cannot be read
   * @throws IllegalStateException if this client is closed
   */
  public YouTubeClient forAccount(String account) {
    return view(account, null);
  }

  /**
   * A view of this client for one account, with {@code token} as that account's token from now on
   * (saved to the {@linkplain Builder#accountTokenStore account token store} under {@code
   * account}): as {@link #forAccount(String)}, for a token obtained elsewhere.
   *
   * @param account the account key under which its token is stored
   * @param token the account's token, with its refresh token when it has one
   * @return the view
   * @throws IllegalArgumentException if {@code account} is empty or blank
   * @throws io.github.jyoutube.error.TokenStoreException if the token cannot be saved
   * @throws IllegalStateException if this client is closed
   */
  public YouTubeClient forAccount(String account, AccessToken token) {
    return view(account, Objects.requireNonNull(token, "token == null"));
  }

  private YouTubeClient view(String account, AccessToken token) {
    Objects.requireNonNull(account, "account == null");
    if (account.isBlank()) {
      throw new IllegalArgumentException("the account key is empty or blank");
    }
    lifecycle.ensureOpen();
    TokenManager manager = accounts.manager(account, token);
    return new YouTubeClient(
        this,
        manager,
        apiExecutor.derive(
            manager, apiExecutor.defaults(), lifecycle.derived("the view of account " + account)));
  }

  /**
   * Closes this client. For a client made by a {@link Builder}: releases the JDK HTTP clients it
   * made (not one given to {@link Builder#httpClient}) with their connections and threads, and ends
   * the calls of every client derived from it ({@link #forAccount}, {@link #withOptions}). For a
   * derived client: ends its own calls only.
   *
   * <p>Afterwards every call through a closed client fails with an {@link IllegalStateException}
   * that says the client is closed, and a call in flight fails at its next attempt. Closing twice
   * does nothing. On JDK 21 and later the HTTP clients are shut down at once; on JDK 17, which
   * cannot shut one down, the client drops every reference to them and shuts down the thread pool
   * of streamed transfers, and the JDK ends a client's selector thread (closing its connections)
   * once it is garbage collected.
   */
  @Override
  public void close() {
    lifecycle.close();
  }

  /** {@return whether this client, or the client it was derived from, is closed} */
  public boolean isClosed() {
    return lifecycle.isClosed();
  }

  /** {@return the options every call of this client carries unless it says otherwise} */
  public RequestOptions options() {
    return apiExecutor.defaults();
  }

  /**
   * A new builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---- OAuth 2.0 -------------------------------------------------------------------------

  /**
   * The consent page URL with the seed's defaults: {@code response_type=code}, the default redirect
   * URI, scopes {@code youtube} and {@code userinfo.profile}, a random state, {@code
   * access_type=offline}, {@code prompt=select_account}, and a PKCE challenge.
   *
   * @return the URL and its state
   * @throws IllegalStateException if the client has no client ID
   */
  public AuthorizationUrl getAuthorizeUrl() {
    return getAuthorizeUrl(AuthorizationOptions.defaults());
  }

  /**
   * The consent page URL for {@code options}.
   *
   * @param options the redirect URI, scopes, state and other parameters
   * @return the URL and its state
   * @throws IllegalStateException if the client has no client ID
   */
  public AuthorizationUrl getAuthorizeUrl(AuthorizationOptions options) {
    return oauth().authorizationUrl(options);
  }

  /**
   * Exchanges the URL the consent page redirected to for a token, and uses that token from now on.
   *
   * @param authorizationResponse the whole redirect URL, as copied from the browser
   * @return the token
   * @throws IllegalArgumentException if the URL is malformed or carries no code
   * @throws io.github.jyoutube.error.InvalidStateException if its state is not one this client
   *     issued
   * @throws io.github.jyoutube.error.AuthorizationDeniedException if the user denied access
   * @throws OAuthException if the token endpoint refuses
   */
  public AccessToken generateAccessToken(String authorizationResponse) {
    AccessToken token = oauth().exchangeRedirect(authorizationResponse);
    tokens.use(token);
    return token;
  }

  /**
   * Exchanges a bare authorization code for a token, and uses that token from now on.
   *
   * @param code the authorization code
   * @return the token
   * @throws OAuthException if the token endpoint refuses
   */
  public AccessToken generateAccessTokenFromCode(String code) {
    AccessToken token = oauth().exchangeCode(code);
    tokens.use(token);
    return token;
  }

  /**
   * Refreshes the client's own token now, and uses the new one. Threads that ask at the same time
   * share one refresh request.
   *
   * @return the new token
   * @throws io.github.jyoutube.error.ReauthorizationRequiredException {@code no_refresh_token} if
   *     the client has no refresh token, {@code invalid_grant} if Google refused it (revoked or
   *     expired): the user must sign in again
   * @throws OAuthException if the token endpoint refuses otherwise
   * @throws IllegalStateException if the client was built without client credentials
   */
  public AccessToken refreshAccessToken() {
    lifecycle.ensureOpen();
    return tokens.refreshNow();
  }

  /**
   * Obtains a token with {@code refreshToken}, and uses it from now on.
   *
   * @param refreshToken a refresh token
   * @return the new token, which carries {@code refreshToken}
   * @throws io.github.jyoutube.error.ReauthorizationRequiredException if Google answers {@code
   *     invalid_grant}
   * @throws OAuthException if the token endpoint refuses otherwise
   */
  public AccessToken refreshAccessToken(String refreshToken) {
    AccessToken token = oauth().refresh(refreshToken);
    tokens.use(token);
    return token;
  }

  /**
   * Revokes a token at Google. The token travels in the request body, never in the URL. When it is
   * the client's own token, the client forgets it.
   *
   * @param token an access or refresh token
   * @throws OAuthException if Google refuses
   */
  public void revokeAccessToken(String token) {
    oauth().revoke(token);
    tokens
        .token()
        .filter(t -> token.equals(t.accessToken()) || token.equals(t.refreshToken()))
        .ifPresent(t -> tokens.forget());
  }

  /**
   * Revokes a token's grant at Google: its refresh token when it has one (which ends every access
   * token of that sign-in too), else its access token. When it is the client's own token, the
   * client forgets it.
   *
   * @param token the token, such as {@code accessToken().get()}
   * @throws OAuthException if Google refuses
   */
  public void revokeAccessToken(AccessToken token) {
    Objects.requireNonNull(token, "token == null");
    revokeAccessToken(token.isRefreshable() ? token.refreshToken() : token.accessToken());
  }

  /**
   * Starts the OAuth 2.0 device authorization grant (RFC 8628), for a machine without a browser:
   * show the user {@link DeviceAuthorization#userCode()} and {@link
   * DeviceAuthorization#verificationUrl()}, then call {@link #awaitDeviceAuthorization}. Google
   * needs an OAuth client of type "TVs and Limited Input devices" for this flow.
   *
   * <pre>{@code
   * DeviceAuthorization auth = cli.startDeviceAuthorization(List.of(Scopes.YOUTUBE_READONLY));
   * System.out.println("Go to " + auth.verificationUrl() + " and enter " + auth.userCode());
   * AccessToken token = cli.awaitDeviceAuthorization(auth, Instant.now().plusSeconds(300));
   * }</pre>
   *
   * @param scopes the scopes to ask for
   * @return the codes and where the user goes; the device code is a secret that {@code toString}
   *     never shows
   * @throws OAuthException if the endpoint refuses (such as {@code invalid_scope}, {@code
   *     invalid_client}) or its answer is not usable
   * @throws IllegalStateException if the client has no client ID
   */
  public DeviceAuthorization startDeviceAuthorization(List<String> scopes) {
    return oauth().startDeviceAuthorization(scopes);
  }

  /**
   * Waits until the user approves the device authorization, then uses its token from now on (and
   * saves it to the token store). Polls at the server's interval, slower after each {@code
   * slow_down}; the whole wait, polls included, ends by {@code deadline}.
   *
   * @param authorization what {@link #startDeviceAuthorization} returned
   * @param deadline when to give up, by the client's clock
   * @return the token
   * @throws io.github.jyoutube.error.AuthorizationDeniedException if the user denied access
   * @throws OAuthException {@code expired_token} if the codes expired, {@code
   *     authorization_pending} if the deadline passed first, or another refusal
   */
  public AccessToken awaitDeviceAuthorization(DeviceAuthorization authorization, Instant deadline) {
    AccessToken token = oauth().awaitDeviceAuthorization(authorization, deadline);
    tokens.use(token);
    return token;
  }

  /**
   * The signed-in user's profile, from the OpenID Connect user info endpoint.
   *
   * @return the profile
   */
  public UserInfo userInfo() {
    return apiExecutor.execute(HttpCall.api("GET", endpoints.userInfo()), UserInfo.class);
  }

  /** {@return the token the client uses now, if any} */
  public Optional<AccessToken> accessToken() {
    return tokens.token();
  }

  /**
   * The credential the next request should carry, as a header, for a transport other than this
   * client's HTTP calls (the live chat's gRPC stream): the token, refreshed first if it is about to
   * expire, or the API key.
   *
   * @return the header
   * @throws IllegalStateException if the client has no credential at all
   * @throws OAuthException if a needed refresh is refused
   */
  public CredentialHeader credentialHeader() {
    lifecycle.ensureOpen();
    Credential credential = tokens.header();
    return credential.inQuery()
        ? new CredentialHeader(CredentialHeader.API_KEY, credential.value())
        : new CredentialHeader(credential.name(), credential.value());
  }

  /**
   * Called when a server rejected {@code rejected} as unauthenticated: refreshes the token, once
   * however many callers report the same token at the same time.
   *
   * @param rejected the header the rejected request carried
   * @return {@code true} if another credential is now available (ask {@link #credentialHeader()}),
   *     {@code false} if there is nothing better to try (an API key)
   * @throws io.github.jyoutube.error.ReauthorizationRequiredException if the token cannot be
   *     renewed: refused with {@code invalid_grant}, or this client has no refresh token (or no
   *     client credentials) to renew it with, as for a rejected API call
   * @throws OAuthException if the refresh fails otherwise
   */
  public boolean renewCredential(CredentialHeader rejected) {
    Objects.requireNonNull(rejected, "rejected == null");
    lifecycle.ensureOpen();
    Credential credential =
        rejected.isApiKey()
            ? Credential.apiKey(rejected.value())
            : new Credential("Authorization", rejected.value(), false);
    return tokens.renewAfterRejection(credential);
  }

  /**
   * Continues a resumable upload that another client or process began: asks the server what it
   * holds and sends the rest.
   *
   * @param sessionUri the upload's session URI, from {@link ResumableUpload#sessionUri()}
   * @param media the same bytes the upload began with
   * @param responseType the resource the upload answers with, such as {@code Video.class}
   * @param <T> the type of the resource the upload creates or changes
   * @return the upload, not yet continued; {@code execute()} continues it
   */
  public <T> ResumableUpload<T> resumeUpload(
      URI sessionUri, MediaContent media, Class<T> responseType) {
    return Constructors.of(ResumableUpload.class, Constructors.UploadResume.class)
        .resume(context, sessionUri, media, UploadOptions.defaults(), responseType);
  }

  /**
   * The quota units this client has spent today, per bucket, counting every page, retry and failed
   * request; with a shared {@link Builder#quotaLedger ledger}, what every client using it spent. It
   * keeps the client's {@link Builder#quotaBudget budgets}.
   *
   * @return this client's quota meter
   */
  public QuotaMeter quota() {
    return quota;
  }

  /** {@return the endpoints this client talks to} */
  public Endpoints endpoints() {
    return endpoints;
  }

  /**
   * Push notifications of channels' uploads: subscriptions at the PubSubHubbub hub ({@link
   * Endpoints#hub()}). The requests carry no credential; see {@link io.github.jyoutube.push} for
   * receiving the notifications.
   *
   * @return the service
   */
  public PushNotifications pushNotifications() {
    return Constructors.of(PushNotifications.class, Constructors.OfPushNotifications.class)
        .make(apiExecutor, endpoints.hub());
  }

  /**
   * The common jobs done at the fewest quota units: every upload of a channel, a search past the
   * API's 500 results, a channel from a handle or URL. See {@link Recipes}.
   *
   * @return the recipes, which call through this client
   */
  public Recipes recipes() {
    return new Recipes(this, clock);
  }

  /**
   * Waits for YouTube to finish something: an upload's processing, a broadcast's transition, with a
   * deadline, backoff and the quota each read costs. See {@link Waiters}.
   *
   * @return the waiters, which read through this client and sleep with its sleeper
   */
  public Waiters waiters() {
    return new Waiters(this, clock, sleeper);
  }

  // ---- Resources -------------------------------------------------------------------------

  // <generated-resources>
  // Generated by jyoutube-codegen from the youtube v3 discovery document (revision 20260924).
  // Do not edit this region; see codegen/README.md to regenerate.

  /**
   * The {@code abuseReports} resource: {@code insert}.
   *
   * @return the {@code abuseReports} resource
   */
  public AbuseReportsResource abuseReports() {
    return Constructors.resource(AbuseReportsResource.class, context);
  }

  /**
   * The {@code activities} resource: {@code list}.
   *
   * @return the {@code activities} resource
   */
  public ActivitiesResource activities() {
    return Constructors.resource(ActivitiesResource.class, context);
  }

  /**
   * The {@code captions} resource: {@code delete}, {@code download}, {@code insert}, {@code list}
   * and {@code update}.
   *
   * @return the {@code captions} resource
   */
  public CaptionsResource captions() {
    return Constructors.resource(CaptionsResource.class, context);
  }

  /**
   * The {@code channelBanners} resource: {@code insert}.
   *
   * @return the {@code channelBanners} resource
   */
  public ChannelBannersResource channelBanners() {
    return Constructors.resource(ChannelBannersResource.class, context);
  }

  /**
   * The {@code channelSections} resource: {@code delete}, {@code insert}, {@code list} and {@code
   * update}.
   *
   * @return the {@code channelSections} resource
   */
  public ChannelSectionsResource channelSections() {
    return Constructors.resource(ChannelSectionsResource.class, context);
  }

  /**
   * The {@code channels} resource: {@code list} and {@code update}.
   *
   * @return the {@code channels} resource
   */
  public ChannelsResource channels() {
    return Constructors.resource(ChannelsResource.class, context);
  }

  /**
   * The {@code commentThreads} resource: {@code insert} and {@code list}.
   *
   * @return the {@code commentThreads} resource
   */
  public CommentThreadsResource commentThreads() {
    return Constructors.resource(CommentThreadsResource.class, context);
  }

  /**
   * The {@code comments} resource: {@code delete}, {@code insert}, {@code list}, {@code
   * markAsSpam}, {@code setModerationStatus} and {@code update}.
   *
   * @return the {@code comments} resource
   */
  public CommentsResource comments() {
    return Constructors.resource(CommentsResource.class, context);
  }

  /**
   * The {@code i18nLanguages} resource: {@code list}.
   *
   * @return the {@code i18nLanguages} resource
   */
  public I18nLanguagesResource i18nLanguages() {
    return Constructors.resource(I18nLanguagesResource.class, context);
  }

  /**
   * The {@code i18nRegions} resource: {@code list}.
   *
   * @return the {@code i18nRegions} resource
   */
  public I18nRegionsResource i18nRegions() {
    return Constructors.resource(I18nRegionsResource.class, context);
  }

  /**
   * The {@code liveBroadcasts} resource: {@code bind}, {@code delete}, {@code insert}, {@code
   * insertCuepoint}, {@code list}, {@code transition} and {@code update}.
   *
   * @return the {@code liveBroadcasts} resource
   */
  public LiveBroadcastsResource liveBroadcasts() {
    return Constructors.resource(LiveBroadcastsResource.class, context);
  }

  /**
   * The {@code liveChatBans} resource: {@code delete} and {@code insert}.
   *
   * @return the {@code liveChatBans} resource
   */
  public LiveChatBansResource liveChatBans() {
    return Constructors.resource(LiveChatBansResource.class, context);
  }

  /**
   * The {@code liveChatMessages} resource: {@code delete}, {@code insert}, {@code list}, {@code
   * transition} and {@code streamList}.
   *
   * @return the {@code liveChatMessages} resource
   */
  public LiveChatMessagesResource liveChatMessages() {
    return Constructors.resource(LiveChatMessagesResource.class, context);
  }

  /**
   * The {@code liveChatModerators} resource: {@code delete}, {@code insert} and {@code list}.
   *
   * @return the {@code liveChatModerators} resource
   */
  public LiveChatModeratorsResource liveChatModerators() {
    return Constructors.resource(LiveChatModeratorsResource.class, context);
  }

  /**
   * The {@code liveStreams} resource: {@code delete}, {@code insert}, {@code list} and {@code
   * update}.
   *
   * @return the {@code liveStreams} resource
   */
  public LiveStreamsResource liveStreams() {
    return Constructors.resource(LiveStreamsResource.class, context);
  }

  /**
   * The {@code members} resource: {@code list}.
   *
   * @return the {@code members} resource
   */
  public MembersResource members() {
    return Constructors.resource(MembersResource.class, context);
  }

  /**
   * The {@code membershipsLevels} resource: {@code list}.
   *
   * @return the {@code membershipsLevels} resource
   */
  public MembershipsLevelsResource membershipsLevels() {
    return Constructors.resource(MembershipsLevelsResource.class, context);
  }

  /**
   * The {@code playlistImages} resource: {@code delete}, {@code insert}, {@code list} and {@code
   * update}.
   *
   * @return the {@code playlistImages} resource
   */
  public PlaylistImagesResource playlistImages() {
    return Constructors.resource(PlaylistImagesResource.class, context);
  }

  /**
   * The {@code playlistItems} resource: {@code delete}, {@code insert}, {@code list} and {@code
   * update}.
   *
   * @return the {@code playlistItems} resource
   */
  public PlaylistItemsResource playlistItems() {
    return Constructors.resource(PlaylistItemsResource.class, context);
  }

  /**
   * The {@code playlists} resource: {@code delete}, {@code insert}, {@code list} and {@code
   * update}.
   *
   * @return the {@code playlists} resource
   */
  public PlaylistsResource playlists() {
    return Constructors.resource(PlaylistsResource.class, context);
  }

  /**
   * The {@code search} resource: {@code list}.
   *
   * @return the {@code search} resource
   */
  public SearchResource search() {
    return Constructors.resource(SearchResource.class, context);
  }

  /**
   * The {@code subscriptions} resource: {@code delete}, {@code insert} and {@code list}.
   *
   * @return the {@code subscriptions} resource
   */
  public SubscriptionsResource subscriptions() {
    return Constructors.resource(SubscriptionsResource.class, context);
  }

  /**
   * The {@code superChatEvents} resource: {@code list}.
   *
   * @return the {@code superChatEvents} resource
   */
  public SuperChatEventsResource superChatEvents() {
    return Constructors.resource(SuperChatEventsResource.class, context);
  }

  /**
   * The {@code tests} resource: {@code insert}.
   *
   * @return the {@code tests} resource
   */
  public TestsResource tests() {
    return Constructors.resource(TestsResource.class, context);
  }

  /**
   * The {@code thirdPartyLinks} resource: {@code delete}, {@code insert}, {@code list} and {@code
   * update}.
   *
   * @return the {@code thirdPartyLinks} resource
   */
  public ThirdPartyLinksResource thirdPartyLinks() {
    return Constructors.resource(ThirdPartyLinksResource.class, context);
  }

  /**
   * The {@code thumbnails} resource: {@code set}.
   *
   * @return the {@code thumbnails} resource
   */
  public ThumbnailsResource thumbnails() {
    return Constructors.resource(ThumbnailsResource.class, context);
  }

  /**
   * The {@code videoAbuseReportReasons} resource: {@code list}.
   *
   * @return the {@code videoAbuseReportReasons} resource
   */
  public VideoAbuseReportReasonsResource videoAbuseReportReasons() {
    return Constructors.resource(VideoAbuseReportReasonsResource.class, context);
  }

  /**
   * The {@code videoCategories} resource: {@code list}.
   *
   * @return the {@code videoCategories} resource
   */
  public VideoCategoriesResource videoCategories() {
    return Constructors.resource(VideoCategoriesResource.class, context);
  }

  /**
   * The {@code videoTrainability} resource: {@code get}.
   *
   * @return the {@code videoTrainability} resource
   */
  public VideoTrainabilityResource videoTrainability() {
    return Constructors.resource(VideoTrainabilityResource.class, context);
  }

  /**
   * The {@code videos} resource: {@code batchGetStats}, {@code delete}, {@code getRating}, {@code
   * insert}, {@code list}, {@code rate}, {@code reportAbuse} and {@code update}.
   *
   * @return the {@code videos} resource
   */
  public VideosResource videos() {
    return Constructors.resource(VideosResource.class, context);
  }

  /**
   * The {@code watermarks} resource: {@code set} and {@code unset}.
   *
   * @return the {@code watermarks} resource
   */
  public WatermarksResource watermarks() {
    return Constructors.resource(WatermarksResource.class, context);
  }

  // </generated-resources>

  private OAuthClient oauth() {
    lifecycle.ensureOpen();
    if (oauth == null) {
      throw new IllegalStateException(
          "this client has no clientId: build it with clientId and clientSecret, or"
              + " clientSecretsFile, to use OAuth");
    }
    return oauth;
  }

  @Override
  public String toString() {
    return "YouTubeClient[api="
        + endpoints.api()
        + ", "
        + tokens
        + (lifecycle.isClosed() ? ", closed" : "")
        + "]";
  }

  /**
   * What the views of one client share: the account token store, and the token manager of each
   * account while a view of it is in use (weakly held, so that the managers of accounts no longer
   * in use are collected).
   */
  private static final class AccountViews {
    private final AccountTokenStore store;
    private final OAuthClient refresher;
    private final Clock clock;
    private final Duration refreshWait;
    private final ConcurrentHashMap<String, ManagerRef> managers = new ConcurrentHashMap<>();
    private final ReferenceQueue<TokenManager> collected = new ReferenceQueue<>();

    AccountViews(
        AccountTokenStore store, OAuthClient refresher, Clock clock, Duration refreshWait) {
      this.store = store;
      this.refresher = refresher;
      this.clock = clock;
      this.refreshWait = refreshWait;
    }

    /**
     * The account's token manager, made (from the store) if none is in use; using {@code given}.
     */
    TokenManager manager(String account, AccessToken given) {
      for (ManagerRef gone; (gone = (ManagerRef) collected.poll()) != null; ) {
        managers.remove(gone.account, gone);
      }
      while (true) {
        ManagerRef ref = managers.get(account);
        TokenManager manager = ref == null ? null : ref.get();
        if (manager != null) {
          if (given != null) {
            manager.use(given);
          }
          return manager;
        }
        AccessToken initial = given != null ? given : store.load(account).orElse(null);
        TokenManager made =
            new TokenManager(
                initial, null, refresher, store.entry(account), clock, null, account, refreshWait);
        ManagerRef mine = new ManagerRef(account, made, collected);
        boolean installed =
            ref == null
                ? managers.putIfAbsent(account, mine) == null
                : managers.replace(account, ref, mine);
        if (installed) {
          if (given != null) {
            made.use(given);
          }
          return made;
        }
      }
    }
  }

  private static final class ManagerRef extends WeakReference<TokenManager> {
    final String account;

    ManagerRef(String account, TokenManager manager, ReferenceQueue<TokenManager> queue) {
      super(manager, queue);
      this.account = account;
    }
  }

  /**
   * Starts, once per JVM, a short-lived thread that loads what a first call needs after its
   * response arrives: the JSON parser, the quota clock's time zone rules and the logging backend,
   * about 100 ms of class loading that then overlaps the first exchange instead of following it.
   *
   * <p>With {@code tlsLater} (a client for plain-http endpoints, built without a TLS context), the
   * thread also loads the JDK's default TLS context, {@value #TLS_LATER_MILLIS} ms later, off the
   * first call's path: a JVM that never loads it keeps the JIT recompiling the HTTP client's
   * selector loop, tens to hundreds of microseconds of CPU per call for as long as it runs
   * (docs/PERFORMANCE.md). Any client with an https endpoint loads it when built anyway.
   */
  private static void warmUp(boolean tlsLater) {
    if (WARMING_UP.compareAndSet(false, true)) {
      Daemons.thread(
              () -> {
                try {
                  Json.tree("{\"warm\":[1,\"up\",true]}");
                  QuotaMeter.warmUp();
                  HttpExecutor.warmUp();
                  if (tlsLater) {
                    Thread.sleep(TLS_LATER_MILLIS);
                    SSLContext.getDefault();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException | LinkageError | NoSuchAlgorithmException e) {
                  // Only a head start: whatever failed here fails again, and is reported, where
                  // it is used.
                }
              },
              "jyoutube-warm-up")
          .start();
    }
  }

  /** Whether every endpoint the client itself calls is plain http (the browser's is not one). */
  private static boolean plainHttpOnly(Endpoints e) {
    return PlainHttp.only(
        e.token(), e.revoke(), e.deviceCode(), e.userInfo(), e.api(), e.upload(), e.hub());
  }

  private static String readVersion() {
    try (InputStream in = YouTubeClient.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  private static final long TLS_LATER_MILLIS = 1000;

  /** The largest answer accepted from an OAuth endpoint: token answers are under 4 KiB. */
  private static final long MAX_OAUTH_RESPONSE_BYTES = 1024 * 1024;

  private static final java.util.concurrent.atomic.AtomicBoolean WARMING_UP =
      new java.util.concurrent.atomic.AtomicBoolean();

  private static final Authorizer NO_CREDENTIAL =
      new Authorizer() {
        @Override
        public Credential header() {
          throw new IllegalStateException("OAuth endpoint calls carry no credential header");
        }

        @Override
        public boolean renewAfterRejection(Credential rejected) {
          return false;
        }
      };

  /** Runs {@code executeAsync} calls when the caller gives no executor: daemon threads. */
  private static final class DefaultExecutor {
    static final ExecutorService INSTANCE =
        Executors.newCachedThreadPool(Daemons.numbered("jyoutube-async-"));
  }

  /**
   * Builds a {@link YouTubeClient}. Every setting is optional, but the client needs a credential:
   * client credentials (for the OAuth flow), an access token, a refresh token with client
   * credentials, an API key, or a token store that holds a token.
   *
   * <p>An access token refreshes itself when the client has a refresh token for it (in the {@link
   * AccessToken}, from {@link #refreshToken}, or in the stored token) and client credentials:
   * before it expires when its expiry is known, and once after a 401. Without them, a rejected
   * access token is a {@link io.github.jyoutube.error.ReauthorizationRequiredException} that says
   * so.
   */
  public static final class Builder {
    private String clientId;
    private String clientSecret;
    private Path clientSecretsFile;
    private String redirectUri;
    private AccessToken accessToken;
    private String refreshToken;
    private String apiKey;
    private String accountLabel;
    private Endpoints endpoints = Endpoints.google();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private HttpClient httpClient;
    private String userAgent;
    private TokenStore tokenStore = TokenStore.inMemory();
    private AccountTokenStore accountTokenStore;
    private int maxRetries = RetryPolicy.defaults().maxRetries();
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private Executor executor;
    private long maxResponseBytes = defaultMaxResponseBytes();
    private final java.util.List<CallListener> listeners = new java.util.ArrayList<>();
    private final java.util.List<CallInterceptor> interceptors = new java.util.ArrayList<>();
    private QuotaLedger quotaLedger;
    private final QuotaBudgets quotaBudgets = new QuotaBudgets();
    private Duration quotaMaxWait;

    private Builder() {}

    /**
     * Where the quota units the client spends are recorded, and its budgets kept: a ledger of its
     * own in memory by default. Give several clients (or processes, with {@link QuotaLedger#jdbc})
     * the same ledger to have them share one project's quota.
     *
     * @param quotaLedger the ledger
     * @return this builder
     */
    public Builder quotaLedger(QuotaLedger quotaLedger) {
      this.quotaLedger = Objects.requireNonNull(quotaLedger, "quotaLedger == null");
      return this;
    }

    /**
     * The most the project may spend from {@code bucket} in a quota day, as recorded in the {@link
     * #quotaLedger ledger}: a call that would pass it is not sent, and fails with {@link
     * io.github.jyoutube.error.QuotaBudgetExceededException} (or waits, see {@link
     * #parkWhenQuotaBudgetSpent}). Below Google's quota, it keeps units for other work; equal to
     * it, with every process sharing one ledger, it spares the project {@code quotaExceeded}
     * answers.
     *
     * <pre>{@code
     * YouTubeClient.builder().quotaLedger(shared).quotaBudget(QuotaBucket.DEFAULT, 9_000)
     * }</pre>
     *
     * @param bucket the bucket
     * @param units the daily budget, at least 0
     * @return this builder
     */
    public Builder quotaBudget(QuotaBucket bucket, long units) {
      quotaBudgets.project(bucket, units);
      return this;
    }

    /**
     * The most each {@code quotaUser} (a tenant, an end user) may spend from {@code bucket} in a
     * quota day, within the project's budget: so that no one tenant spends the project's quota.
     * Calls without a {@code quotaUser} draw on the project's budget only.
     *
     * @param bucket the bucket
     * @param units the daily budget of each {@code quotaUser}, at least 0
     * @return this builder
     */
    public Builder quotaUserBudget(QuotaBucket bucket, long units) {
      quotaBudgets.eachUser(bucket, units);
      return this;
    }

    /**
     * The most {@code quotaUser} may spend from {@code bucket} in a quota day: its own share, in
     * place of {@link #quotaUserBudget(QuotaBucket, long) every user's}.
     *
     * @param quotaUser the {@code quotaUser}, 1 to 40 characters
     * @param bucket the bucket
     * @param units its daily budget, at least 0
     * @return this builder
     */
    public Builder quotaUserBudget(String quotaUser, QuotaBucket bucket, long units) {
      quotaBudgets.user(quotaUser, bucket, units);
      return this;
    }

    /**
     * Makes a call that a quota budget refuses wait for the quota day to reset (midnight Pacific
     * Time) and go then, instead of failing: for daemons that should slow down, not stop. A call
     * still fails with {@link io.github.jyoutube.error.QuotaBudgetExceededException} when the reset
     * is more than {@code maxWait} away, when it alone costs more than the budget, or when its
     * thread is interrupted while waiting. The wait uses the builder's {@link #sleeper} and {@link
     * #clock}.
     *
     * @param maxWait how long a call may wait at most, such as {@code Duration.ofHours(24)}
     * @return this builder
     */
    public Builder parkWhenQuotaBudgetSpent(Duration maxWait) {
      this.quotaMaxWait = Durations.positive(maxWait, "maxWait");
      return this;
    }

    /**
     * Adds a listener that sees every call the client (and clients derived from it with {@link
     * YouTubeClient#withOptions}) makes: start, attempts, answers, retries, refreshes, quota, end.
     * See {@link CallListener}; {@code jyoutube-observability} has Micrometer and OpenTelemetry
     * ones.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(CallListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Adds an interceptor that decides the options of every Data API call the client (and clients
     * derived from it) makes, or refuses it: extra headers, timeout, retries, {@code quotaUser}.
     * Interceptors run in the order added. See {@link CallInterceptor}.
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public Builder interceptor(CallInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
      return this;
    }

    /**
     * The OAuth client ID.
     *
     * @param clientId the OAuth client ID
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * The OAuth client secret.
     *
     * @param clientSecret the OAuth client secret
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Google's {@code client_secret.json} ({@code web} or {@code installed}); its client ID and
     * secret replace {@link #clientId} and {@link #clientSecret}, and its first redirect URI
     * becomes the default.
     *
     * @param file the path of the JSON file
     * @return this builder
     */
    public Builder clientSecretsFile(Path file) {
      this.clientSecretsFile = Objects.requireNonNull(file, "file == null");
      return this;
    }

    /**
     * The default redirect URI of authorization URLs ({@code https://localhost/} if unset).
     *
     * @param redirectUri the default redirect URI of authorization URLs ({@code https://localhost/}
     *     if unset)
     * @return this builder
     */
    public Builder redirectUri(String redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    /**
     * An access token to use, as obtained elsewhere.
     *
     * @param accessToken an access token to use, as obtained elsewhere
     * @return this builder
     */
    public Builder accessToken(String accessToken) {
      this.accessToken = accessToken == null ? null : AccessToken.of(accessToken);
      return this;
    }

    /**
     * A token to use, with its expiry and refresh token.
     *
     * @param accessToken a token to use, with its expiry and refresh token
     * @return this builder
     */
    public Builder accessToken(AccessToken accessToken) {
      this.accessToken = accessToken;
      return this;
    }

    /**
     * A refresh token. With client credentials, the client obtains access tokens with it as needed.
     * Given with an {@link #accessToken(String) access token} that has none, it becomes that
     * token's refresh token: the client uses the access token, and refreshes it after a 401.
     *
     * @param refreshToken a refresh token
     * @return this builder
     */
    public Builder refreshToken(String refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /**
     * A label for the account whose tokens this client holds, such as an email address or your own
     * user ID. It names the account in {@link
     * io.github.jyoutube.error.ReauthorizationRequiredException}, so that a server knows whom to
     * ask to sign in again. Not a secret: it may appear in messages.
     *
     * @param accountLabel the account's label
     * @return this builder
     */
    public Builder accountLabel(String accountLabel) {
      this.accountLabel = accountLabel;
      return this;
    }

    /**
     * An API key, for public data without a user's authorization.
     *
     * @param apiKey an API key, for public data without a user's authorization
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Where to send requests; {@link Endpoints#google()} by default.
     *
     * @param endpoints where to send requests; {@link Endpoints#google()} by default
     * @return this builder
     */
    public Builder endpoints(Endpoints endpoints) {
      this.endpoints = Objects.requireNonNull(endpoints, "endpoints == null");
      return this;
    }

    /**
     * How long to wait for a connection (10 s by default). Ignored with {@link #httpClient}.
     *
     * @param connectTimeout how long to wait for a connection (10 s by default)
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Durations.positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * How long one attempt may take, to the end of the response (60 s by default).
     *
     * @param requestTimeout how long one attempt may take, to the end of the response (60 s by
     *     default)
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Durations.positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * The JDK HTTP client to use, for a proxy, TLS settings or an executor of your own. It must not
     * follow redirects ({@code followRedirects(HttpClient.Redirect.NEVER)}, the JDK's default): a
     * redirect would carry the credential header to whatever host the {@code Location} names. The
     * client treats a 3xx as an answer; {@link #build()} refuses one that follows redirects.
     *
     * @param httpClient the JDK HTTP client to use
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * A product token put before the library's own in the {@code User-Agent} header.
     *
     * @param userAgent a product token, such as {@code my-app/1.2}
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Where tokens are loaded from and saved to; in memory by default.
     *
     * @param tokenStore where tokens are loaded from and saved to; in memory by default
     * @return this builder
     */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore == null");
      return this;
    }

    /**
     * Where the tokens of the client's {@linkplain YouTubeClient#forAccount account views} are
     * loaded from and saved to, each under its account key; in memory by default. For several
     * processes of one service, a {@link io.github.jyoutube.auth.JdbcTokenStore} over their shared
     * database: they then refresh each account's token once between them.
     *
     * @param accountTokenStore the store of the account views' tokens
     * @return this builder
     */
    public Builder accountTokenStore(AccountTokenStore accountTokenStore) {
      this.accountTokenStore =
          Objects.requireNonNull(accountTokenStore, "accountTokenStore == null");
      return this;
    }

    /**
     * How many times a failed request is retried at most (5 by default; 0 disables retries).
     *
     * @param maxRetries how many times a failed request is retried at most (5 by default; 0
     *     disables retries)
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * What waits between retries; tests pass one that records instead of sleeping.
     *
     * @param sleeper what waits between retries; tests pass one that records instead of sleeping
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * The clock for token expiry and {@code Retry-After} dates.
     *
     * @param clock the clock for token expiry and {@code Retry-After} dates
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Runs {@code executeAsync} calls; a pool of daemon threads by default.
     *
     * @param executor the executor of asynchronous calls
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * The largest response body accepted, in bytes, after gzip inflation: 32 MiB by default, or an
     * eighth of the heap ({@code -Xmx}) when that is less. Whatever the limits, the response bodies
     * held in memory at once by every client in the JVM never pass half of the heap: an answer that
     * finds no room fails with a {@link io.github.jyoutube.error.TransportException} naming the
     * limit (retried later, if the room was taken by other answers). Media downloaded with {@code
     * writeTo} or {@code saveTo} are streamed and not limited.
     *
     * @param maxResponseBytes the largest response body accepted, in bytes
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1024 || maxResponseBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be between 1 KiB and 2 GiB: " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if no usable credential was given, naming what is missing
     * @throws IllegalArgumentException if the {@link #httpClient} follows redirects
     */
    public YouTubeClient build() {
      if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException(
            "the httpClient follows redirects (followRedirects() is "
                + httpClient.followRedirects()
                + "): build it with followRedirects(HttpClient.Redirect.NEVER). A followed"
                + " redirect would carry the Authorization or X-Goog-Api-Key header to the host"
                + " the Location names; jyoutube returns a 3xx as an error instead");
      }
      ClientSecrets secrets =
          clientSecretsFile == null ? null : ClientSecrets.read(clientSecretsFile);
      boolean hasId = secrets != null || clientId != null;
      boolean hasSecret = secrets != null || clientSecret != null;
      if (hasSecret && !hasId) {
        throw new IllegalStateException("clientSecret is set but clientId is missing");
      }
      if (hasId && !hasSecret) {
        throw new IllegalStateException(
            "clientId is set but clientSecret is missing: Google's token endpoint needs both");
      }
      if (refreshToken != null && !hasId) {
        throw new IllegalStateException(
            "refreshToken needs clientId and clientSecret to obtain access tokens");
      }
      if (refreshToken != null
          && accessToken != null
          && accessToken.isRefreshable()
          && !refreshToken.equals(accessToken.refreshToken())) {
        throw new IllegalStateException(
            "two different refresh tokens: the AccessToken given to accessToken has one, and"
                + " refreshToken gives another; give one of them");
      }
      AccessToken stored = accessToken == null ? tokenStore.load().orElse(null) : null;
      if (!hasId && accessToken == null && apiKey == null && stored == null) {
        throw new IllegalStateException(
            "no usable credential: set clientId and clientSecret (for the OAuth flow),"
                + " clientSecretsFile, accessToken, refreshToken with client credentials, or apiKey");
      }
      return new YouTubeClient(this, secrets, stored);
    }

    /** 32 MiB, or an eighth of the heap when that is less (but at least 1 MiB). */
    private static long defaultMaxResponseBytes() {
      long eighth = Runtime.getRuntime().maxMemory() / 8;
      return Math.min(32L << 20, Math.max(1L << 20, eighth));
    }

    @Override
    public String toString() {
      return "YouTubeClient.Builder[clientId=" + clientId + ", endpoints=" + endpoints.api() + "]";
    }
  }
}
