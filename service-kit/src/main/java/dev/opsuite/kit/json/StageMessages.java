package dev.opsuite.kit.json;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.opsuite.proto.v1.ComposeRequest;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.PresentRequest;
import dev.opsuite.proto.v1.PresentResponse;
import dev.opsuite.proto.v1.ReplanRequest;
import dev.opsuite.proto.v1.ReplanResponse;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.RoutePlanResponse;
import dev.opsuite.proto.v1.ValidateRequest;
import dev.opsuite.proto.v1.ValidateResponse;
import java.util.List;

/**
 * The stage messages a trace records packed in a {@code google.protobuf.Any} (StageInput.request,
 * StageOutput.response). Proto JSON of an Any needs its type at hand: {@link Structs} prints and
 * parses with {@link #REGISTRY}, and the gateway's REST marshaller registers {@link #ALL}.
 */
public final class StageMessages {
    /** Each stage RPC's request and response, as default instances. */
    public static final List<Message> ALL = List.of(
            RoutePlanRequest.getDefaultInstance(), RoutePlanResponse.getDefaultInstance(),
            ReplanRequest.getDefaultInstance(), ReplanResponse.getDefaultInstance(),
            ValidateRequest.getDefaultInstance(), ValidateResponse.getDefaultInstance(),
            ExecuteRequest.getDefaultInstance(), ExecuteResponse.getDefaultInstance(),
            ComposeRequest.getDefaultInstance(), ComposeResponse.getDefaultInstance(),
            PresentRequest.getDefaultInstance(), PresentResponse.getDefaultInstance());

    public static final JsonFormat.TypeRegistry REGISTRY = registry();

    private StageMessages() {}

    private static JsonFormat.TypeRegistry registry() {
        JsonFormat.TypeRegistry.Builder b = JsonFormat.TypeRegistry.newBuilder();
        ALL.forEach(m -> b.add(m.getDescriptorForType()));
        return b.build();
    }
}
