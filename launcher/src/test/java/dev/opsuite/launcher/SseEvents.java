package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A Server-Sent Events reader for the tests: event name and JSON data, one event at a time. */
final class SseEvents {
    record Event(String name, JsonNode data) {}

    private final BufferedReader in;

    SseEvents(InputStream in) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The next event, or null at the end of the stream. */
    Event next() throws IOException {
        String name = "message";
        StringBuilder data = new StringBuilder();
        boolean any = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) {
                if (any) {
                    return new Event(name, ModelJson.MAPPER.readTree(data.toString()));
                }
                continue;
            }
            any = true;
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).stripLeading());
            }
        }
        return any ? new Event(name, ModelJson.MAPPER.readTree(data.toString())) : null;
    }

    /** Every event to the end of the stream. */
    List<Event> all() throws IOException {
        List<Event> out = new ArrayList<>();
        for (Event e = next(); e != null; e = next()) {
            out.add(e);
        }
        return out;
    }
}
