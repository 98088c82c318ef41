package dev.opsuite.estate.demo;

/** A dependency edge: for DEPENDS_ON/RUNS_ON/CONNECTS_TO the source depends on the target. */
record DemoRelation(String source, String type, String target) {}
