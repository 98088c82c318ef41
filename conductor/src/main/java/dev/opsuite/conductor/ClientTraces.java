package dev.opsuite.conductor;

import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;

/**
 * The trace as OpsService returns it (Ask, Query, GetTrace): the stored trace without the recorded
 * stage messages (StageInput.request, StageOutput.response). Those are for replay inside the product;
 * a client reads the guide's view (params, prev_output, result) and asks GetStageCall for the exact
 * request. Left in, they would grow every ask's response by about half, and a client resolving
 * google.protobuf.Any over reflection could not decode them: the stage services' types are not part
 * of OpsService's descriptors.
 */
public final class ClientTraces {
    private ClientTraces() {}

    public static Trace view(Trace stored) {
        boolean recorded = stored.getStageInputsList().stream().anyMatch(StageInput::hasRequest)
                || stored.getStageOutputsList().stream().anyMatch(StageOutput::hasResponse);
        if (!recorded) {
            return stored;
        }
        Trace.Builder b = stored.toBuilder();
        b.getStageInputsBuilderList().forEach(StageInput.Builder::clearRequest);
        b.getStageOutputsBuilderList().forEach(StageOutput.Builder::clearResponse);
        return b.build();
    }
}
