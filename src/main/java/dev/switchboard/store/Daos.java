package dev.switchboard.store;

import org.jdbi.v3.core.Handle;

/** The DAOs, all on one handle, so that work through several of them shares its transaction. */
public final class Daos {
  private final Handle handle;

  Daos(Handle handle) {
    this.handle = handle;
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

  public NonceDao nonces() {
    return handle.attach(NonceDao.class);
  }
}
