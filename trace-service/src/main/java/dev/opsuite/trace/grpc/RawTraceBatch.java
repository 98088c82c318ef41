package dev.opsuite.trace.grpc;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.WriteTracesRequest;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A WriteTracesRequest received as bytes and split into the encoded bytes of each trace, not
 * parsed into messages. The store keeps exactly those bytes, so trace-service parses each trace
 * once (to validate it and read its indexed fields) and never encodes it again; re-encoding took
 * half its CPU under ingest (README, Performance). The wire format is the contract's:
 * {@code repeated Trace traces = 1} is read as length-delimited records, as any protobuf parser
 * would; other fields are skipped.
 */
final class RawTraceBatch {
    /** Field {@code traces}, wire type 2 (length-delimited). */
    private static final int TRACES_TAG = WriteTracesRequest.TRACES_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;

    /** Only reads the bytes: a malformed request then fails in the handler, as INVALID_ARGUMENT. */
    static final MethodDescriptor.Marshaller<RawTraceBatch> MARSHALLER = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(RawTraceBatch value) {
            return new ByteArrayInputStream(value.request);
        }

        @Override
        public RawTraceBatch parse(InputStream stream) {
            try {
                return new RawTraceBatch(bytes(stream)); // bounded by maxInboundMessageSize
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /**
     * All of the stream. A stream that knows its length (gRPC's: an in-process call's message, which
     * then writes itself straight into the array, or a received frame) is read into one array of that
     * length, not through readAllBytes' chunks and their copies; whatever it holds beyond is read too.
     */
    static byte[] bytes(InputStream stream) throws IOException {
        if (!(stream instanceof KnownLength)) {
            return stream.readAllBytes();
        }
        int size = stream.available();
        byte[] head = new byte[Math.max(0, size)];
        int n = stream.readNBytes(head, 0, head.length);
        byte[] rest = stream.readAllBytes();
        if (n == head.length && rest.length == 0) {
            return head;
        }
        byte[] all = new byte[n + rest.length];
        System.arraycopy(head, 0, all, 0, n);
        System.arraycopy(rest, 0, all, n, rest.length);
        return all;
    }

    private final byte[] request;

    RawTraceBatch(byte[] request) {
        this.request = request;
    }

    /** The encoded traces, in order. */
    List<byte[]> traces() {
        List<byte[]> traces = new ArrayList<>();
        try {
            CodedInputStream in = CodedInputStream.newInstance(request);
            int tag;
            while ((tag = in.readTag()) != 0) {
                if (tag == TRACES_TAG) {
                    traces.add(in.readByteArray());
                } else if (!in.skipField(tag)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw OpsException.invalid("not a valid ops.v1.WriteTracesRequest: " + e.getMessage());
        }
        return traces;
    }
}
