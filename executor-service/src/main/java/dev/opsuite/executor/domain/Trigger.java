package dev.opsuite.executor.domain;

/** A condition for the control loop (trigger_type as in the user guide, e.g. empty_result). */
public record Trigger(String type, String stage, String severity, String reason) {}
