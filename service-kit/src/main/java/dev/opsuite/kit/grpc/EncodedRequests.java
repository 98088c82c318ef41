package dev.opsuite.kit.grpc;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A unary method whose request the caller has already encoded: the same name, schema and wire
 * format, with the request sent as the given bytes. For load drivers that must not spend their
 * CPU encoding (the trace-ingest benchmark) and for tests that put exact bytes on the wire.
 */
public final class EncodedRequests {
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private EncodedRequests() {}

    public static <Q, R> MethodDescriptor<byte[], R> of(MethodDescriptor<Q, R> method) {
        return method.toBuilder(BYTES, method.getResponseMarshaller()).build();
    }
}
