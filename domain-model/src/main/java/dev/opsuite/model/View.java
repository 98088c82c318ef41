package dev.opsuite.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Plan view; JSON names follow the proto enum (VIEW_SUMMARY ...). */
public enum View {
    @JsonProperty("VIEW_SUMMARY") SUMMARY,
    @JsonProperty("VIEW_COMPOSITION") COMPOSITION,
    @JsonProperty("VIEW_DEPENDENCY") DEPENDENCY,
    @JsonProperty("VIEW_IMPACT") IMPACT,
    @JsonProperty("VIEW_PATH") PATH,
    @JsonProperty("VIEW_NEIGHBORS") NEIGHBORS
}
