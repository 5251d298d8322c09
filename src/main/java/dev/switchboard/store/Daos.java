package dev.switchboard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The DAOs. Inside a transaction they are attached to its one handle, so work through several of
 * them shares the transaction. Outside one, they are JDBI on-demand DAOs built once and shared by
 * every thread: building a SqlObject costs far more than the query it runs.
 */
public final class Daos {
  private final Function<Class<?>, Object> factory;
  private final List<Runnable> afterCommit;
  private final ConcurrentHashMap<Class<?>, Object> attached = new ConcurrentHashMap<>();

  private Daos(Function<Class<?>, Object> factory, List<Runnable> afterCommit) {
    this.factory = factory;
    this.afterCommit = afterCommit;
  }

  /** DAOs bound to one transaction's handle. */
  static Daos inTransaction(Handle handle) {
    return new Daos(handle::attach, new ArrayList<>());
  }

  /** Shared on-demand DAOs: each call takes a pooled connection for itself. */
  static Daos onDemand(Jdbi jdbi) {
    return new Daos(jdbi::onDemand, null);
  }

  private <T> T dao(Class<T> type) {
    return type.cast(attached.computeIfAbsent(type, factory));
  }

  /** Runs {@code action} once the transaction has committed (at once outside a transaction). */
  public void afterCommit(Runnable action) {
    if (afterCommit == null) {
      action.run();
    } else {
      afterCommit.add(action);
    }
  }

  void runAfterCommit() {
    if (afterCommit != null) {
      afterCommit.forEach(Runnable::run);
    }
  }

  public AccountDao accounts() {
    return dao(AccountDao.class);
  }

  public DomainDao domains() {
    return dao(DomainDao.class);
  }

  public PasswordDao passwords() {
    return dao(PasswordDao.class);
  }

  public ApiKeyDao apiKeys() {
    return dao(ApiKeyDao.class);
  }

  public TokenDao tokens() {
    return dao(TokenDao.class);
  }

  public CodeDao codes() {
    return dao(CodeDao.class);
  }

  public OutboxDao outbox() {
    return dao(OutboxDao.class);
  }

  public ExternalAccountDao externalAccounts() {
    return dao(ExternalAccountDao.class);
  }

  public ContactDao contacts() {
    return dao(ContactDao.class);
  }

  public AccountTypeDao accountTypes() {
    return dao(AccountTypeDao.class);
  }

  public ActionDao actions() {
    return dao(ActionDao.class);
  }

  public DictionaryDao dictionary() {
    return dao(DictionaryDao.class);
  }

  public HermesDao hermes() {
    return dao(HermesDao.class);
  }

  public DirectoryDao directory() {
    return dao(DirectoryDao.class);
  }

  public StatisticsDao statistics() {
    return dao(StatisticsDao.class);
  }

  public NonceDao nonces() {
    return dao(NonceDao.class);
  }
}
