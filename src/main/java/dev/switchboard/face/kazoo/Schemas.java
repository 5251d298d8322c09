package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.switchboard.core.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Crossbar schemas (draft-04, resources under kazoo/schemas/) checked by networknt's validator,
 * with Kazoo's two additions around it: integer and boolean fields sent as convertible strings
 * ("300", "true") are fixed and revalidated, and defaults are filled as jesse does (a missing
 * property whose schema has a type and a default; defaults behind a $ref only when the key was sent).
 * Errors come out as Kazoo's flat dotted keys with its rule names and messages.
 */
final class Schemas {
  private final Map<String, Schema> schemas = new HashMap<>();
  private final Map<String, JsonNode> raw = new HashMap<>();

  Schemas(ObjectMapper json) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    for (String name : List.of("devices", "users", "accounts", "user_auth", "api_auth", "devices_notify")) {
      try (InputStream in = Schemas.class.getResourceAsStream("/kazoo/schemas/" + name + ".json")) {
        JsonNode node = json.readTree(in);
        raw.put(name, node);
        schemas.put(name, registry.getSchema(node));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the " + name + " schema", e);
      }
    }
  }

  /** Validates {@code doc} in place (fixing convertible strings); the broken rules, Kazoo-shaped. */
  List<Violation> validate(String name, ObjectNode doc) {
    Schema schema = schemas.get(name);
    List<Error> errors = schema.validate(doc);
    boolean fixed = false;
    for (Error e : errors) {
      if ("type".equals(e.getKeyword()) && e.getInstanceNode() != null && e.getInstanceNode().isTextual()) {
        JsonNode converted = convert(e.getInstanceNode().asText(), expectedTypes(e));
        if (converted != null && set(doc, e.getInstanceLocation(), converted)) {
          fixed = true;
        }
      }
    }
    if (fixed) {
      errors = schema.validate(doc);
    }
    List<Violation> out = new ArrayList<>();
    for (Error e : errors) {
      out.add(violation(e));
    }
    return out;
  }

  /** Fills the schema defaults into {@code doc}. */
  void fillDefaults(String name, ObjectNode doc) {
    JsonNode root = raw.get(name);
    fill(root, root, doc);
  }

  private static void fill(JsonNode root, JsonNode schema, ObjectNode doc) {
    JsonNode props = schema.get("properties");
    if (props == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode sub = p.getValue();
      JsonNode value = doc.get(p.getKey());
      if (value == null) {
        if (sub.has("default") && sub.has("type")) {
          doc.set(p.getKey(), sub.get("default").deepCopy());
          value = doc.get(p.getKey());
        } else {
          continue;
        }
      }
      if (value.isObject()) {
        fill(root, resolve(root, sub), (ObjectNode) value);
      }
    }
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    for (int i = 0; i < 8 && schema.has("$ref"); i++) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#/definitions/")) {
        break;
      }
      JsonNode target = root.path("definitions").get(ref.substring("#/definitions/".length()));
      if (target == null) {
        break;
      }
      schema = target;
    }
    return schema;
  }

  private static List<String> expectedTypes(Error e) {
    List<String> types = new ArrayList<>();
    JsonNode t = e.getSchemaNode() == null ? null : e.getSchemaNode().get("type");
    if (t == null) {
      t = e.getSchemaNode();
    }
    if (t != null && t.isArray()) {
      t.forEach(x -> types.add(x.asText()));
    } else if (t != null && t.isTextual()) {
      types.add(t.asText());
    }
    return types;
  }

  private static JsonNode convert(String text, List<String> types) {
    if (types.contains("string")) {
      return null;
    }
    if (types.contains("integer") && text.matches("-?[0-9]{1,18}")) {
      return LongNode.valueOf(Long.parseLong(text));
    }
    if (types.contains("boolean") && (text.equals("true") || text.equals("false"))) {
      return BooleanNode.valueOf(text.equals("true"));
    }
    if (types.contains("number") && text.matches("-?[0-9]+(\\.[0-9]+)?")) {
      return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new java.math.BigDecimal(text));
    }
    return null;
  }

  private static boolean set(ObjectNode doc, NodePath path, JsonNode value) {
    JsonNode at = doc;
    int n = path.getNameCount();
    if (n == 0) {
      return false;
    }
    for (int i = 0; i < n - 1; i++) {
      Object el = path.getElement(i);
      at = el instanceof Integer idx ? at.path(idx) : at.path(String.valueOf(el));
    }
    Object last = path.getElement(n - 1);
    if (at instanceof ObjectNode o && !(last instanceof Integer)) {
      o.set(String.valueOf(last), value);
      return true;
    }
    if (at instanceof ArrayNode a && last instanceof Integer idx) {
      a.set(idx, value);
      return true;
    }
    return false;
  }

  /** Kazoo's key for a value: the dotted path, with a literal dot written %2E. */
  static String key(NodePath path, String extra) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      parts.add(String.valueOf(path.getElement(i)).replace(".", "%2E"));
    }
    if (extra != null) {
      parts.add(extra.replace(".", "%2E"));
    }
    return String.join(".", parts);
  }

  private static Violation violation(Error e) {
    String keyword = e.getKeyword();
    JsonNode value = e.getInstanceNode();
    JsonNode schemaNode = e.getSchemaNode();
    Map<String, Object> d = new LinkedHashMap<>();
    String field = key(e.getInstanceLocation(), null);
    switch (keyword) {
      case "required" -> {
        field = key(e.getInstanceLocation(), e.getProperty());
        d.put("message", "Field is required but missing");
        d.put("value", e.getProperty());
      }
      case "maxLength", "minLength" -> {
        JsonNode limit = keywordValue(schemaNode, keyword);
        d.put("message", keyword.equals("maxLength")
            ? "String must not be more than " + limit.asText() + " characters"
            : "String must be at least " + limit.asText() + " characters");
        d.put("target", limit);
        d.put("cause", value);
        d.put("value", value);
      }
      case "type" -> {
        JsonNode t = keywordValue(schemaNode, "type");
        String types = t.isArray() ? join(t) : t.asText();
        d.put("message", "Value did not match type(s): " + types);
        d.put("target", t);
        d.put("value", value);
      }
      case "enum" -> {
        d.put("message", "Value not found in enumerated list of values");
        d.put("target", keywordValue(schemaNode, "enum"));
        d.put("value", value);
      }
      case "pattern" -> {
        JsonNode re = keywordValue(schemaNode, "pattern");
        d.put("message", "Failed to match pattern '" + re.asText() + "'");
        d.put("target", re);
        d.put("value", value);
      }
      case "additionalProperties" -> {
        field = key(e.getInstanceLocation(), e.getProperty());
        d.put("message", "Strict checking of data is enabled; only include schema properties");
      }
      case "format" -> {
        JsonNode f = keywordValue(schemaNode, "format");
        d.put("message", "Value did not match format: " + f.asText());
        d.put("target", f);
        d.put("value", value);
      }
      case "minimum", "maximum" -> {
        JsonNode limit = keywordValue(schemaNode, keyword);
        d.put("message", (keyword.equals("minimum") ? "Value must be at least " : "Value must be at most ")
            + limit.asText());
        d.put("target", limit);
        d.put("value", value);
      }
      default -> {
        d.put("message", e.getMessage());
        if (value != null) {
          d.put("value", value);
        }
      }
    }
    return new Violation(field, keyword, d);
  }

  /** The keyword's value: the validator hands either it or the schema object holding it. */
  private static JsonNode keywordValue(JsonNode schemaNode, String keyword) {
    if (schemaNode != null && schemaNode.isObject() && schemaNode.has(keyword)) {
      return schemaNode.get(keyword);
    }
    return schemaNode == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : schemaNode;
  }

  private static String join(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return String.join(", ", out);
  }
}
