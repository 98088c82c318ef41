package dev.opsuite.kit.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} (version 00): the distributed trace a call belongs to and the
 * span that made it. The gateway reads one from its callers, records it in the Execution Trace and sends
 * its own on every stage call ({@link #client()}); the stage services read it back ({@link #server()}) so
 * that work they do joins the same trace. A header that is malformed, of an unknown form or too long is
 * ignored as if absent — never an error to the caller, and never logged.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param spanId  16 lowercase hex digits, not all zero (the parent of whatever the receiver does)
 * @param sampled the caller's sampled flag, passed on as it came
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {
    /** The header, in HTTP and in gRPC metadata. */
    public static final String HEADER = "traceparent";
    /** Longer than any version-00 header with room for a future version's fields; longer is ignored unread. */
    static final int MAX_LENGTH = 256;
    private static final Pattern FORM = Pattern.compile(
            "([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-[^\\s]*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final Metadata.Key<String> KEY = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<TraceParent> CURRENT = Context.key("ops-traceparent");

    public TraceParent {
        if (!valid(traceId, spanId)) {
            throw new IllegalArgumentException("not a W3C trace id and span id");
        }
    }

    /** The header's value, e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}. */
    public String header() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    /** The same trace, with {@code spanId} as the parent. */
    public TraceParent withSpan(String spanId) {
        return new TraceParent(traceId, spanId, sampled);
    }

    /**
     * The traceparent in {@code header}, or empty when there is none or it is not one: wrong length or
     * form, upper-case hex, version ff, an all-zero id, or a version-00 header with anything after it.
     */
    public static Optional<TraceParent> parse(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        var m = FORM.matcher(header.strip());
        if (!m.matches() || m.group(1).equals("ff") || m.group(1).equals("00") && m.group(5) != null) {
            return Optional.empty();
        }
        if (!valid(m.group(2), m.group(3))) {
            return Optional.empty();
        }
        int flags = Integer.parseInt(m.group(4), 16);
        return Optional.of(new TraceParent(m.group(2), m.group(3), (flags & 1) == 1));
    }

    /** A new random trace id (32 hex). */
    public static String newTraceId() {
        return random(16, ZERO_TRACE);
    }

    /** A new random span id (16 hex). */
    public static String newSpanId() {
        return random(8, ZERO_SPAN);
    }

    /** The traceparent the current gRPC call came with, or the one {@link #within} set; empty for none. */
    public static Optional<TraceParent> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code body} with {@code parent} current: the stage calls it makes carry it. */
    public static <R> R within(TraceParent parent, Supplier<R> body) {
        Context previous = Context.current().withValue(CURRENT, parent).attach();
        try {
            return body.get();
        } finally {
            Context.current().detach(previous);
        }
    }

    /** Sends the current traceparent (if any) with every call of the channel. */
    public static ClientInterceptor client() {
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                                                         Channel next) {
                TraceParent parent = CURRENT.get();
                ClientCall<Q, R> call = next.newCall(method, options);
                if (parent == null) {
                    return call;
                }
                return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        headers.discardAll(KEY);
                        headers.put(KEY, parent.header());
                        super.start(listener, headers);
                    }
                };
            }
        };
    }

    /** Makes a call's valid traceparent current for its handler ({@link #current()}); ignores anything else. */
    public static ServerInterceptor server() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                              ServerCallHandler<Q, R> next) {
                Optional<TraceParent> parent = parse(headers.get(KEY));
                if (parent.isEmpty()) {
                    return next.startCall(call, headers);
                }
                return Contexts.interceptCall(Context.current().withValue(CURRENT, parent.get()), call, headers, next);
            }
        };
    }

    private static boolean valid(String traceId, String spanId) {
        return traceId != null && spanId != null && traceId.length() == 32 && spanId.length() == 16
                && traceId.chars().allMatch(TraceParent::lowerHex) && spanId.chars().allMatch(TraceParent::lowerHex)
                && !traceId.equals(ZERO_TRACE) && !spanId.equals(ZERO_SPAN);
    }

    private static boolean lowerHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    private static String random(int bytes, String zero) {
        byte[] b = new byte[bytes];
        String id;
        do {
            ThreadLocalRandom.current().nextBytes(b);
            id = HexFormat.of().formatHex(b);
        } while (id.equals(zero));
        return id;
    }
}
