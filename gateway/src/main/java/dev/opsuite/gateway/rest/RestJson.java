package dev.opsuite.gateway.rest;

import com.google.protobuf.Message;
import com.linecorp.armeria.common.grpc.GrpcJsonMarshaller;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The REST edge's JSON mapping of the protos, in one place: the transcoded routes (Armeria's
 * {@code jsonMarshallerFactory}) and the hand-written ones (the SSE ask) read and write JSON through
 * the same marshaller — proto field names (snake_case), the stage messages an Any of a trace may hold.
 */
public final class RestJson {
    private final GrpcJsonMarshaller marshaller;

    private RestJson(GrpcJsonMarshaller marshaller) {
        this.marshaller = marshaller;
    }

    /** The marshaller of one service's messages, as the REST edge writes and reads them. */
    public static GrpcJsonMarshaller marshaller(ServiceDescriptor service) {
        return GrpcJsonMarshaller.builder()
                .jsonMarshallerCustomizer(b -> {
                    b.preservingProtoFieldNames(true);
                    // a trace's StageInput.request / StageOutput.response are Anys of these
                    dev.opsuite.kit.json.StageMessages.ALL.forEach(b::register);
                }).build(service);
    }

    /** The mapping of every message reachable from this service's methods. */
    public static RestJson of(ServiceDescriptor service) {
        return new RestJson(marshaller(service));
    }

    /** A request body as the method's request message; a body that does not parse into it throws IOException. */
    public <T> T read(MethodDescriptor<T, ?> method, byte[] json) throws IOException {
        return marshaller.deserializeMessage(method.getRequestMarshaller(), new ByteArrayInputStream(json));
    }

    /** The message as JSON text. */
    @SuppressWarnings("unchecked")
    public <T extends Message> String write(T message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            marshaller.serializeMessage(ProtoUtils.marshaller((T) message.getDefaultInstanceForType()), message, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
