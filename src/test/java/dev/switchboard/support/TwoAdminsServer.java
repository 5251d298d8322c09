package dev.switchboard.support;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A server for one test class with two tenants: admin01@sip.example.org and
 * admin02@other.example.org (password admin-secret), an API key each, so that a class can check
 * what one admin reaches and the other does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TwoAdminsServer {
  public static final String DOMAIN = "sip.example.org";

  protected TestDatabase db;
  protected ServerProcess server;
  protected String adminKey;
  protected String otherAdminKey;

  protected abstract TestDatabase database();

  @BeforeAll
  void startServer() {
    db = database();
    server = ServerProcess.start(db, Map.of("SWITCHBOARD_AUTH_MAX_FAILURES", "10000"));
    server.cli("accounts", "create-admin", "--username", "admin01", "--domain", DOMAIN, "--password", "admin-secret");
    server.cli("accounts", "create-admin", "--username", "admin02", "--domain", "other.example.org",
        "--password", "admin-secret");
    adminKey = server.cli("api-keys", "create", "--sip", "sip:admin01@" + DOMAIN).stdout().trim();
    otherAdminKey = server.cli("api-keys", "create", "--sip", "sip:admin02@other.example.org").stdout().trim();
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }
}
