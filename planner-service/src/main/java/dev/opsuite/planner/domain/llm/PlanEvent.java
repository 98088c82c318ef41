package dev.opsuite.planner.domain.llm;

import dev.opsuite.model.PlanModel;
import java.util.Map;

/**
 * A control decision taken while planning, recorded as a replan event: a refused or failed LLM
 * attempt (decision retry or stop) or the fallback to the rules planner (decision fallback).
 * {@code before} is what the model answered (masked), {@code after} the plan that replaced it.
 */
public record PlanEvent(String triggerType, String severity, String reason, String decision, String before,
                        PlanModel after, Map<String, Object> meta) {}
