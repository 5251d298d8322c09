package dev.switchboard.store;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The DAOs, all on one handle, so that work through several of them shares its transaction. */
public final class Daos {
  private final Handle handle;
  private final List<Runnable> afterCommit = new ArrayList<>();

  Daos(Handle handle) {
    this.handle = handle;
  }

  /** Runs {@code action} once the transaction has committed (at once outside a transaction). */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  void runAfterCommit() {
    afterCommit.forEach(Runnable::run);
  }

  public AccountDao accounts() {
    return handle.attach(AccountDao.class);
  }

  public DomainDao domains() {
    return handle.attach(DomainDao.class);
  }

  public PasswordDao passwords() {
    return handle.attach(PasswordDao.class);
  }

  public ApiKeyDao apiKeys() {
    return handle.attach(ApiKeyDao.class);
  }

  public TokenDao tokens() {
    return handle.attach(TokenDao.class);
  }

  public CodeDao codes() {
    return handle.attach(CodeDao.class);
  }

  public OutboxDao outbox() {
    return handle.attach(OutboxDao.class);
  }

  public NonceDao nonces() {
    return handle.attach(NonceDao.class);
  }
}
