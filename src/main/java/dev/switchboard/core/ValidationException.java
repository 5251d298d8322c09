package dev.switchboard.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Input that breaks a rule; carries every broken rule, by field, in the order found. */
public final class ValidationException extends RuntimeException {
  private final Map<String, List<String>> errors;

  public ValidationException(Map<String, List<String>> errors) {
    super(errors.values().stream().flatMap(List::stream).findFirst().orElse("The given data was invalid."),
        null, false, false);
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(Map.of(field, List.of(message)));
  }

  public Map<String, List<String>> errors() {
    return errors;
  }
}
