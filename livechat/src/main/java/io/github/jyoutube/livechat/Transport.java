package io.github.jyoutube.livechat;

/** How a {@link LiveChat} reads the chat. */
public enum Transport {
  /**
   * The gRPC stream, and polling over REST when the gRPC endpoint is unreachable or does not serve
   * the method: the default.
   */
  AUTO,

  /** The gRPC stream ({@code liveChatMessages.streamList}) only. */
  GRPC,

  /**
   * Polling over REST ({@code liveChatMessages.list}) only, as {@code pollingIntervalMillis} says.
   */
  POLLING
}
