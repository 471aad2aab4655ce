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
  // grpc-java's futures are Guava's, whose failureaccess jar is an explicit module that Guava, an
  // automatic module, cannot name: without a module that requires it, it is not resolved and a
  // gRPC call fails with NoClassDefFoundError (InternalFutureFailureAccess).
  requires com.google.common.util.concurrent.internal;
  // Netty, inside grpc-netty-shaded, uses sun.misc.Unsafe for direct buffers when jdk.unsupported
  // is in the module graph, as it always is on the class path; without it, heap buffers.
  requires jdk.unsupported;

  exports io.github.jyoutube.livechat;
  // The messages and stub protoc generates are not API: the emulator's gRPC server speaks them.
  exports io.github.jyoutube.livechat.proto to
      io.github.jyoutube.emulator;

  // Protobuf reads the generated messages reflectively (their descriptors, toString).
  opens io.github.jyoutube.livechat.proto to
      com.google.protobuf;
}
