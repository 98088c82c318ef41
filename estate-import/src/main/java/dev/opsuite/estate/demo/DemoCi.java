package dev.opsuite.estate.demo;

import java.util.Map;

/** One configuration item of the demo estate; {@code aliases} is "|"-separated or null. */
record DemoCi(String code, String name, String type, String status, String environment, String location,
              String owner, String aliases, Map<String, String> attributes) {}
