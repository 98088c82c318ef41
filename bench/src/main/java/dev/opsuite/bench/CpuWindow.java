package dev.opsuite.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.io.IOException;
import java.util.Optional;

/**
 * The CPU time the product's processes used during one measured window, divided by the requests
 * completed in it: what one ask costs, all processes included (the all-in-one JVM, its Neo4j JVM,
 * PostgreSQL, the embedded Redis). The load driver's own CPU is not in it (another process). Read
 * from /proc in clock ticks (10 ms each), so a window needs a few hundred ticks to be meaningful:
 * the tick count is reported beside the figure.
 */
final class CpuWindow implements LoadDriver.Window {
    private final ProductProcess product;
    private ProductProcess.Cpu start;
    private ProductProcess.Cpu used;

    CpuWindow(ProductProcess product) {
        this.product = product;
    }

    @Override
    public void started() {
        start = read();
    }

    @Override
    public void ended() {
        ProductProcess.Cpu end = read();
        used = start == null || end == null ? null : end.minus(start);
    }

    /** Milliseconds of CPU per completed request, per process group; empty when unread or nothing completed. */
    Optional<ObjectNode> perAsk(long completed) {
        return perAsk(used, completed);
    }

    static Optional<ObjectNode> perAsk(ProductProcess.Cpu used, long completed) {
        if (used == null || completed <= 0) {
            return Optional.empty();
        }
        ObjectNode o = ModelJson.MAPPER.createObjectNode();
        o.put("all", ms(used.total(), completed)).put("all_in_one", ms(used.allInOne(), completed))
                .put("neo4j", ms(used.neo4j(), completed)).put("postgres", ms(used.postgres(), completed))
                .put("other", ms(used.other(), completed)).put("ticks", used.total()).put("requests", completed);
        return Optional.of(o);
    }

    private static double ms(long ticks, long requests) {
        return Measurements.round(ticks * 1000.0 / ProcFs.TICKS_PER_SECOND / requests);
    }

    private ProductProcess.Cpu read() {
        if (product == null) {
            return null;
        }
        try {
            return product.cpu();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
