package dev.switchboard.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a {@link Config} from the defaults (the documented config/switchboard.yml shipped in the jar),
 * an optional YAML file, then SWITCHBOARD_* environment variables. Every failure is a
 * {@link ConfigException} with one line naming the key.
 */
public final class ConfigLoader {
  private static final String DEFAULTS = "/config/switchboard.yml";
  private static final String ENV_PREFIX = "SWITCHBOARD_";
  /** Keys whose value a file replaces entirely instead of merging into the defaults. */
  private static final java.util.Set<String> REPLACED_WHOLE = java.util.Set.of("directory.profiles");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  public Config load(Path file, Map<String, String> env) {
    ObjectNode tree = readDefaults();
    if (file != null) {
      mergeInto(tree, readFile(file), "");
    }
    applyEnvironment(tree, env, "");
    Config config = bind(tree);
    validate(config);
    return config;
  }

  private ObjectNode readDefaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEFAULTS + " in the jar");
      }
      return (ObjectNode) yaml.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in defaults", e);
    }
  }

  private JsonNode readFile(Path file) {
    if (!Files.isReadable(file)) {
      throw new ConfigException("config file " + file + " cannot be read");
    }
    try {
      JsonNode node = yaml.readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException("config file " + file + " must hold a YAML mapping");
      }
      return node;
    } catch (IOException e) {
      String line = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new ConfigException("config file " + file + " is not valid YAML: " + line);
    }
  }

  /** Overlays {@code override} on {@code base}; a key unknown to the defaults is an error. */
  private void mergeInto(ObjectNode base, JsonNode override, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix + field.getKey();
      JsonNode current = base.get(field.getKey());
      if (current == null) {
        throw new ConfigException("unknown configuration key '" + key + "'");
      }
      if (REPLACED_WHOLE.contains(key) || current.isArray()) {
        base.set(field.getKey(), field.getValue());
      } else if (current.isObject()) {
        if (!field.getValue().isObject()) {
          throw new ConfigException("configuration key '" + key + "' must be a mapping");
        }
        mergeInto((ObjectNode) current, field.getValue(), key + ".");
      } else {
        base.set(field.getKey(), field.getValue().isNull() ? JsonNodeFactory.instance.textNode("") : field.getValue());
      }
    }
  }

  private void applyEnvironment(ObjectNode node, Map<String, String> env, String prefix) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String key = prefix + name;
      JsonNode child = node.get(name);
      if (REPLACED_WHOLE.contains(key)) {
        continue;
      }
      if (child.isObject()) {
        applyEnvironment((ObjectNode) child, env, key + ".");
        continue;
      }
      String value = env.get(environmentName(key));
      if (value != null && child.isArray()) {
        var list = node.putArray(name);
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            list.add(item.trim());
          }
        }
      } else if (value != null) {
        node.put(name, value);
      }
    }
  }

  /** The environment variable that overrides a key: http.port -> SWITCHBOARD_HTTP_PORT. */
  public static String environmentName(String key) {
    return ENV_PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private Config bind(ObjectNode tree) {
    try {
      // Values from the environment are strings; Jackson coerces "8080" and "true" where the type asks.
      return yaml.treeToValue(tree, Config.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException("unknown configuration key '" + path(e) + "'");
    } catch (InvalidFormatException e) {
      throw new ConfigException("configuration key '" + path(e) + "' has an invalid value '" + e.getValue()
          + "' (expected " + e.getTargetType().getSimpleName().toLowerCase(Locale.ROOT) + ")");
    } catch (MismatchedInputException e) {
      throw new ConfigException("configuration key '" + path(e) + "' has a value of the wrong type");
    } catch (IOException e) {
      throw new ConfigException("configuration cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() == null ? String.valueOf(ref.getIndex()) : ref.getFieldName())
        .collect(Collectors.joining("."));
  }

  private static void validate(Config c) {
    requirePort("http.port", c.http().port());
    require(!c.http().host().isBlank(), "http.host", "must not be empty");
    require(c.http().maxRequestBytes() > 0, "http.max_request_bytes", "must be positive");
    require(c.http().shutdownGraceSeconds() >= 0, "http.shutdown_grace_seconds", "must not be negative");
    require(!c.dataDir().isBlank(), "data_dir", "must not be empty");
    String url = c.jdbcUrl();
    require(url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"), "database.url",
        "must be a jdbc:sqlite: or jdbc:postgresql: URL");
    require(c.database().poolSize() >= 1, "database.pool_size", "must be at least 1");
    require(c.database().sipPoolSize() >= 1, "database.sip_pool_size", "must be at least 1");
    require(c.sip().domain() != null && c.sip().domain().matches("[A-Za-z0-9.-]+(:[0-9]+)?"), "sip.domain",
        "must be a domain name");
    require(c.apiKey().expireMinutes() >= 0, "api_key.expire_minutes", "must not be negative");
    require(c.auth().nonceTtlSeconds() > 0, "auth.nonce_ttl_seconds", "must be positive");
    require(List.of("auto", "memory", "database").contains(c.auth().digestNonces()), "auth.digest_nonces",
        "must be one of auto, memory, database");
    require(c.auth().maxFailures() > 0, "auth.max_failures", "must be positive");
    require(c.auth().failureWindowSeconds() > 0, "auth.failure_window_seconds", "must be positive");
    require(List.of("none", "starttls", "tls").contains(c.mail().security()), "mail.security",
        "must be one of none, starttls, tls");
    require(c.mail().port() > 0 && c.mail().port() <= 65535, "mail.port", "must be a port number");
    require(c.outbox().pollSeconds() > 0, "outbox.poll_seconds", "must be positive");
    require(c.outbox().maxAttempts() > 0, "outbox.max_attempts", "must be positive");
    require(c.push().timeoutSeconds() > 0, "push.timeout_seconds", "must be positive");
    var a = c.accounts();
    require(a.accountCreationTokenExpireMinutes() > 0 && a.accountCreationRequestTokenExpireMinutes() > 0
        && a.authTokenExpireMinutes() > 0 && a.provisioningTokenExpireMinutes() > 0 && a.codeExpireMinutes() > 0,
        "accounts", "token lifetimes (*_expire_minutes) must be positive");
    require(a.maxTokensPerDevice() > 0, "accounts.max_tokens_per_device", "must be positive");
    var h = c.hermes();
    require(h.authKeyLifetimeSeconds() > 0 && h.sessionLifetimeSeconds() > 0 && h.sessionIdleSeconds() > 0
        && h.authKeyGraceSeconds() >= 0 && h.authKeyGraceSeconds() <= 10, "hermes",
        "lifetimes must be positive and auth_key_grace_seconds between 0 and 10");
    require(h.maxNumberRange() > 0, "hermes.max_number_range", "must be positive");
    String publicUrl = c.http().publicUrl();
    require(publicUrl.isBlank() || publicUrl.matches("https?://[^\\s/]+(/\\S*)?"), "http.public_url",
        "must be an http:// or https:// URL");
    for (String[] file : new String[][] {{"provisioning.linphonerc", c.provisioning().linphonerc()},
        {"provisioning.hook_template", c.provisioning().hookTemplate()}}) {
      require(file[1].isBlank() || Files.isReadable(Path.of(file[1])), file[0], "names a file that cannot be read: " + file[1]);
    }
    String templatesDir = c.templates().dir();
    require(templatesDir.isBlank() || Files.isDirectory(Path.of(templatesDir)), "templates.dir",
        "names a directory that does not exist: " + templatesDir);
    validatePhoned(c);
    validateSip(c);
    require(LogLevel.parse(c.log().level()) != null, "log.level",
        "must be one of critical, error, warning, info, debug");
    String keyFile = c.jwt().publicKeyFile();
    require(keyFile == null || keyFile.isBlank() || Files.isReadable(Path.of(keyFile)), "jwt.public_key_file",
        "names a file that cannot be read: " + keyFile);
  }

  private static void validateSip(Config c) {
    var s = c.sip();
    require(List.of("embedded", "kamailio").contains(s.mode()), "sip.mode", "must be embedded or kamailio");
    requirePort("sip.port", s.port());
    require(s.host() != null && !s.host().isBlank(), "sip.host", "must not be empty");
    require(s.outboundProxy() == null || s.outboundProxy().isBlank()
        || s.outboundProxy().matches("sips?:[^\\s@]+"), "sip.outbound_proxy", "must be a sip: URI such as sip:proxy.example.org:5060");
    require(s.minExpires() > 0, "sip.min_expires", "must be positive");
    require(s.maxExpires() >= s.minExpires(), "sip.max_expires", "must be at least sip.min_expires");
    require(s.defaultExpires() >= s.minExpires() && s.defaultExpires() <= s.maxExpires(), "sip.default_expires",
        "must lie between sip.min_expires and sip.max_expires");
    require(s.maxContacts() > 0, "sip.max_contacts", "must be positive");
    require(s.nonceTtlSeconds() > 0, "sip.nonce_ttl_seconds", "must be positive");
    require(s.maxFailures() > 0, "sip.max_failures", "must be positive");
    require(s.failureWindowSeconds() > 0, "sip.failure_window_seconds", "must be positive");
    require(s.blockSeconds() > 0, "sip.block_seconds", "must be positive");
    require(s.challengeAlgorithms() != null && s.challengeAlgorithms().matches("\\s*(MD5|SHA-256)\\s*(,\\s*(MD5|SHA-256)\\s*)?"),
        "sip.challenge_algorithms", "must list MD5 and/or SHA-256, e.g. \"SHA-256, MD5\"");
  }

  private static void validatePhoned(Config c) {
    var p = c.phoned();
    requirePort("phoned.http.port", p.http().port());
    requirePort("phoned.https.port", p.https().port());
    for (String subnet : p.authorizedSubnets()) {
      require(subnet.matches("[0-9a-fA-F:.]+(/\\d{1,3})?"), "phoned.authorized_subnets",
          "holds '" + subnet + "', which is not an IP address or a CIDR network");
    }
    require(!p.https().certificate().isBlank() == !p.https().privateKey().isBlank(), "phoned.https",
        "needs both certificate and private_key, or neither");
    require(c.directory().profiles().containsKey(p.defaultProfile()), "phoned.default_profile",
        "names no profile of directory.profiles");
    require(c.directory().refreshSeconds() > 0, "directory.refresh_seconds", "must be positive");
    c.directory().profiles().forEach((name, profile) -> {
      String where = "directory.profiles." + name + ".sources";
      require(profile.sources() != null && !profile.sources().isEmpty(), where, "must list at least one source");
      for (Config.Source s : profile.sources()) {
        require(s.type() != null && List.of("accounts", "personal", "csv", "ldap").contains(s.type()), where,
            "has a source of unknown type '" + s.type() + "' (accounts, personal, csv, ldap)");
        if ("csv".equals(s.type())) {
          require(s.file() != null && Files.isReadable(Path.of(s.file())), where, "csv source: file cannot be read");
          require(s.nameColumn() != null && s.numberColumns() != null && !s.numberColumns().isEmpty(), where,
              "csv source: name_column and number_columns are required");
        }
        if ("ldap".equals(s.type())) {
          require(s.url() != null && s.baseDn() != null && s.filter() != null && s.nameAttribute() != null
              && s.numberAttributes() != null && !s.numberAttributes().isEmpty(), where,
              "ldap source: url, base_dn, filter, name_attribute and number_attributes are required");
        }
      }
    });
  }

  private static void requirePort(String key, int port) {
    require(port >= 0 && port <= 65535, key, "must be a port number between 0 and 65535");
  }

  private static void require(boolean ok, String key, String message) {
    if (!ok) {
      throw new ConfigException("configuration key '" + key + "' " + message);
    }
  }
}
