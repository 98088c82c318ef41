package dev.opsuite.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Plan intent; JSON names follow the proto enum (INTENT_LOOKUP ...). */
public enum Intent {
    @JsonProperty("INTENT_LOOKUP") LOOKUP,
    @JsonProperty("INTENT_SEARCH") SEARCH,
    @JsonProperty("INTENT_LIST") LIST,
    @JsonProperty("INTENT_AGGREGATE") AGGREGATE,
    @JsonProperty("INTENT_EXPAND") EXPAND,
    @JsonProperty("INTENT_PATH") PATH
}
