package io.github.jyoutube.livechat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.ErrorBody;
import io.github.jyoutube.error.ErrorDetail;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.YouTubeException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A failed gRPC call as the library's exceptions: the status as its HTTP code (PERMISSION_DENIED is
 * a {@link io.github.jyoutube.error.ForbiddenException}, NOT_FOUND a {@link
 * io.github.jyoutube.error.NotFoundException}, …) with Google's {@code ErrorInfo} reason, or a
 * {@link TransportException} when no server answered. Never a raw {@link StatusRuntimeException}.
 */
final class GrpcFailures {

  private GrpcFailures() {}

  /** Whether a new stream may succeed where this one failed. */
  static boolean retryable(StatusRuntimeException e) {
    return switch (e.getStatus().getCode()) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN, ABORTED, CANCELLED -> true;
      case RESOURCE_EXHAUSTED -> !quotaExceeded(e);
      default -> false;
    };
  }

  static boolean quotaExceeded(StatusRuntimeException e) {
    return reasons(e).stream()
        .anyMatch(r -> r.equals("quotaExceeded") || r.equals("dailyLimitExceeded"));
  }

  static String reason(StatusRuntimeException e) {
    List<String> reasons = reasons(e);
    return reasons.isEmpty() ? null : reasons.get(0);
  }

  static YouTubeException toException(StatusRuntimeException e, String target) {
    Status status = e.getStatus();
    String description = status.getDescription() == null ? "" : status.getDescription();
    int http =
        switch (status.getCode()) {
          case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
          case UNAUTHENTICATED -> 401;
          case PERMISSION_DENIED -> 403;
          case NOT_FOUND -> 404;
          case ALREADY_EXISTS, ABORTED -> 409;
          case RESOURCE_EXHAUSTED -> 429;
          case UNIMPLEMENTED -> 501;
          case INTERNAL, UNKNOWN, DATA_LOSS -> 500;
          default -> 0;
        };
    if (http == 0) {
      // UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED: no usable answer came.
      return new TransportException(
          "live chat stream to " + target + " failed: " + status.getCode() + " " + description, e);
    }
    List<ErrorDetail> details = new ArrayList<>();
    com.google.rpc.Status rich = StatusProto.fromThrowable(e);
    if (rich != null) {
      for (Any any : rich.getDetailsList()) {
        if (any.is(ErrorInfo.class)) {
          try {
            ErrorInfo info = any.unpack(ErrorInfo.class);
            details.add(
                new ErrorDetail(info.getReason(), info.getDomain(), description, null, null));
          } catch (InvalidProtocolBufferException unreadable) {
            // An ErrorInfo that does not parse names no reason.
          }
        }
      }
    }
    String body =
        "grpc-status: " + status.getCode() + (description.isEmpty() ? "" : ": " + description);
    return ApiException.of(
        new ErrorBody(
            http,
            description.isEmpty() ? null : description,
            status.getCode().name(),
            details,
            body,
            Map.of()));
  }

  private static List<String> reasons(StatusRuntimeException e) {
    List<String> reasons = new ArrayList<>();
    com.google.rpc.Status rich = StatusProto.fromThrowable(e);
    if (rich == null) {
      return reasons;
    }
    for (Any any : rich.getDetailsList()) {
      if (any.is(ErrorInfo.class)) {
        try {
          reasons.add(any.unpack(ErrorInfo.class).getReason());
        } catch (InvalidProtocolBufferException unreadable) {
          // skipped
        }
      }
    }
    return reasons;
  }
}
