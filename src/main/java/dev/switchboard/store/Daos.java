package dev.switchboard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The DAOs: JDBI on-demand DAOs built once and shared by every thread, since building a SqlObject
 * costs far more than the query it runs. Inside {@link Database#tx} they run on the transaction's
 * handle: JDBI binds the open handle to the thread, and on-demand DAOs use it.
 */
public final class Daos {
  private final Function<Class<?>, Object> factory;
  private final List<Runnable> afterCommit;
  private final ConcurrentHashMap<Class<?>, Object> attached;
  private final FastWrites writes;

  private Daos(Function<Class<?>, Object> factory, List<Runnable> afterCommit, FastWrites writes) {
    this(factory, afterCommit, new ConcurrentHashMap<>(), writes);
  }

  private Daos(Function<Class<?>, Object> factory, List<Runnable> afterCommit,
      ConcurrentHashMap<Class<?>, Object> attached, FastWrites writes) {
    this.factory = factory;
    this.afterCommit = afterCommit;
    this.attached = attached;
    this.writes = writes;
  }

  /** The shared DAOs on the transaction {@code handle}, with actions to run once it has committed. */
  static Daos inTransaction(Daos shared, org.jdbi.v3.core.Handle handle) {
    return new Daos(shared::dao, new ArrayList<>(), FastWrites.on(handle.getConnection(), shared.writes.changes()));
  }

  /**
   * DAOs attached once to a long-lived handle (SQLite's writer): attaching builds a handler per DAO
   * method, which JDBI's on-demand DAOs redo on every call; here that happens once per DAO type.
   * {@code attached} is the handle's cache, shared by the per-transaction views. Every write on that
   * handle runs in a transaction of the write lane, so after-commit actions wait for its commit.
   */
  static Daos attachedTo(org.jdbi.v3.core.Handle handle, ConcurrentHashMap<Class<?>, Object> attached,
      Changes changes) {
    return new Daos(handle::attach, new ArrayList<>(), attached, FastWrites.on(handle.getConnection(), changes));
  }

  /** Shared on-demand DAOs: each call takes a pooled connection for itself. */
  static Daos onDemand(Jdbi jdbi, Changes changes) {
    return new Daos(jdbi::onDemand, null, FastWrites.onDemand(jdbi, changes));
  }

  /** Account creation's statements in plain JDBC, on this view's transaction when it has one. */
  public FastWrites fast() {
    return writes;
  }

  private Object dao(Class<?> type) {
    return attached.computeIfAbsent(type, factory);
  }

  private <T> T typed(Class<T> type) {
    return type.cast(dao(type));
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
    return typed(AccountDao.class);
  }

  public DomainDao domains() {
    return typed(DomainDao.class);
  }

  public PasswordDao passwords() {
    return typed(PasswordDao.class);
  }

  public ApiKeyDao apiKeys() {
    return typed(ApiKeyDao.class);
  }

  public TokenDao tokens() {
    return typed(TokenDao.class);
  }

  public CodeDao codes() {
    return typed(CodeDao.class);
  }

  public OutboxDao outbox() {
    return typed(OutboxDao.class);
  }

  public ExternalAccountDao externalAccounts() {
    return typed(ExternalAccountDao.class);
  }

  public ContactDao contacts() {
    return typed(ContactDao.class);
  }

  public AccountTypeDao accountTypes() {
    return typed(AccountTypeDao.class);
  }

  public ActionDao actions() {
    return typed(ActionDao.class);
  }

  public DictionaryDao dictionary() {
    return typed(DictionaryDao.class);
  }

  public HermesDao hermes() {
    return typed(HermesDao.class);
  }

  public DirectoryDao directory() {
    return typed(DirectoryDao.class);
  }

  public StatisticsDao statistics() {
    return typed(StatisticsDao.class);
  }

  public NonceDao nonces() {
    return typed(NonceDao.class);
  }

  public DeviceDao devices() {
    return typed(DeviceDao.class);
  }

  public KazooDao kazoo() {
    return typed(KazooDao.class);
  }
}
