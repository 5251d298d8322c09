package dev.switchboard.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects broken rules field by field, then throws them together. */
public final class Validation {
  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  public Validation check(boolean ok, String field, String message) {
    if (!ok) {
      add(field, message);
    }
    return this;
  }

  public Validation add(String field, String message) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    return this;
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
