package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import java.io.IOException;
import java.util.Iterator;

/**
 * Reads Server-Sent Events from a response's lines (what the gateway's streamed routes send): each
 * event's name and its data as JSON, handed to a handler until it says the stream is done. Events
 * whose data is not JSON are skipped.
 */
final class SseLines {
    /** One event; a value (not null) when it ends the stream: the answer, the result, an error. */
    @FunctionalInterface
    interface Handler<T> {
        T on(String event, JsonNode data);
    }

    private SseLines() {}

    /** The first non-null value the handler returns, or null when the stream ended before one. */
    static <T> T read(Iterator<String> lines, Handler<T> handler) {
        String event = "message";
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).stripLeading());
            } else if (line.isEmpty() && data.length() > 0) {
                JsonNode d = json(data.toString());
                data.setLength(0);
                String name = event;
                event = "message";
                if (d == null) {
                    continue;
                }
                T done = handler.on(name, d);
                if (done != null) {
                    return done;
                }
            }
        }
        return null;
    }

    static JsonNode json(String text) {
        try {
            return ModelJson.MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
