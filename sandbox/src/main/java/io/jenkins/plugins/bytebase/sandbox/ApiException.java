package io.jenkins.plugins.bytebase.sandbox;

/** An error answered with grpc-gateway's JSON shape {@code {"code":3,"message":"...","details":[]}}. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient GrpcCode code;
    private final int httpStatus;

    ApiException(GrpcCode code, int httpStatus, String message) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    ApiException(GrpcCode code, String message) {
        this(code, code.httpStatus, message);
    }

    static ApiException invalid(String message) {
        return new ApiException(GrpcCode.INVALID_ARGUMENT, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(GrpcCode.NOT_FOUND, message);
    }

    static ApiException unauthenticated(String message) {
        return new ApiException(GrpcCode.UNAUTHENTICATED, message);
    }

    GrpcCode code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }
}
