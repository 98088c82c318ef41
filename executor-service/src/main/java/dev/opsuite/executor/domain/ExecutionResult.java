package dev.opsuite.executor.domain;

import dev.opsuite.model.PlanModel;
import java.util.List;

/** Everything EXECUTE produced for one plan. */
public record ExecutionResult(PlanModel resolvedPlan, List<ToolOutput> outputs, List<ToolCallRecord> calls,
                              List<Evidence> evidence, List<Trigger> triggers, List<String> warnings) {}
