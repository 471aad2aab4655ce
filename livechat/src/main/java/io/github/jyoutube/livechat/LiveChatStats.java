package io.github.jyoutube.livechat;

/**
 * What a {@link LiveChat} has done so far.
 *
 * @param transport how it reads now ({@link Transport#GRPC} or {@link Transport#POLLING})
 * @param delivered events put in the buffer for the consumer, each message once
 * @param duplicatesDropped messages that came again (after a resume or a change of transport) and
 *     were dropped
 * @param streamsOpened gRPC streams opened, the first one and every resume
 * @param polls REST reads made ({@code liveChatMessages.list})
 * @param buffered events read ahead and not yet taken by the consumer
 */
public record LiveChatStats(
    Transport transport,
    long delivered,
    long duplicatesDropped,
    long streamsOpened,
    long polls,
    int buffered) {}
