package dev.switchboard.core;

import java.util.Map;

/**
 * One broken rule on one field, in a form any face can render: {@code field} is a dotted path
 * ("sip.username"), {@code rule} a keyword ("unique", "required"), {@code detail} what the rule
 * reports (message, cause, target, value), in order.
 */
public record Violation(String field, String rule, Map<String, Object> detail) {
  public static Violation of(String field, String rule, String message, Object cause) {
    Map<String, Object> detail = new java.util.LinkedHashMap<>();
    detail.put("message", message);
    if (cause != null) {
      detail.put("cause", cause);
    }
    return new Violation(field, rule, detail);
  }
}
