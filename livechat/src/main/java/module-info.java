/**
 * A YouTube live chat in real time: {@code liveChatMessages.streamList} over gRPC, with a polling
 * fallback over REST. Start at {@link io.github.jyoutube.livechat.LiveChat}.
 */
module io.github.jyoutube.livechat {
  requires transitive io.github.jyoutube;
  requires com.google.protobuf;
  requires io.grpc;
  requires io.grpc.netty.shaded;
  requires io.grpc.protobuf;
  requires io.grpc.stub;

  exports io.github.jyoutube.livechat;
  // The messages and stub protoc generates are not API: the emulator's gRPC server speaks them.
  exports io.github.jyoutube.livechat.proto to
      io.github.jyoutube.emulator;
  // Protobuf reads the generated messages reflectively (their descriptors, toString).
  opens io.github.jyoutube.livechat.proto to
      com.google.protobuf;
}
