package dev.opsuite.gateway.grpc;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.GateReport;

/** A publish the gate refused: ABORTED, its report travels in the error's details. */
final class GateRefused extends OpsException {
    private final transient GateReport report;

    GateRefused(GateReport report, String message) {
        super(ErrorCode.ABORTED, message);
        this.report = report;
    }

    GateReport report() {
        return report;
    }
}
