package dev.switchboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.store.migration.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, the schema migrations and JDBI. SQLite runs in WAL mode with a busy timeout,
 * foreign keys on, and IMMEDIATE transactions so that two writers queue instead of failing on a
 * lock upgrade. PostgreSQL is the same schema through the same DAOs.
 *
 * <p>SQLite has one writer at a time. Left to SQLite, concurrent writers wait in its busy handler,
 * which sleeps (1, 2, 5 ... 100 ms) between retries: under load the lock sat free while every
 * writer slept, and 64 clients created fewer accounts per second than one. So on SQLite the
 * writes of this process go through one write lane: a lock, then one dedicated connection whose
 * JDBI handle keeps its DAOs attached (JDBI's on-demand DAOs rebuild a handler for every method of
 * the DAO on each call, which cost more than the writes). Writers that queue there share one
 * commit ({@link WriteLane}). The busy timeout stays for other processes (the CLI).
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private final HikariDataSource pool;
  /** The registrar's connections: {@link #pool} itself on SQLite, a pool of their own on PostgreSQL. */
  private final HikariDataSource sipPool;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final Daos shared;
  private final FastReads fast;
  private final LocationStore locations;
  private final SipStore sip;
  private final NonceUses nonceUses;
  /** SQLite's single writer, in this process; null on PostgreSQL, where writers run concurrently. */
  private final WriteLane writeLane;
  /** The DAOs attached to the write lane's connection, while it stays open. */
  private final ConcurrentHashMap<Class<?>, Object> writerDaos = new ConcurrentHashMap<>();
  private final Changes changes = new Changes();
  private final ChangeWatcher watcher;
  /** SQLite's WAL checkpoints; null on PostgreSQL. */
  private final Checkpointer checkpointer;
  /** The schema migration, which runs beside the rest of a start; every use of the store waits for it. */
  private final CompletableFuture<Void> schema;

  private Database(HikariDataSource pool, CompletableFuture<Void> schema, HikariDataSource sipPool, Dialect dialect,
      String url, String user, String password) {
    this.pool = pool;
    this.schema = schema;
    this.sipPool = sipPool;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    this.writeLane = dialect == Dialect.SQLITE ? new WriteLane(jdbi::open, writerDaos::clear) : null;
    this.checkpointer = dialect == Dialect.SQLITE
        ? new Checkpointer(() -> checkpointConnection(url), writeLane, Checkpointer.RESTART_FRAMES) : null;
    Mappers.register(jdbi);
    jdbi.setSqlLogger(new ChangeLogger(changes));
    this.shared = Daos.onDemand(jdbi, changes);
    this.fast = new FastReads(pool, changes);
    this.watcher = new ChangeWatcher(url, user, password, dialect, changes, this::writerDataVersion);

    this.sip = new SipStore(sipPool, pool);
    this.locations = new LocationStore(sipPool, dialect, writeLane);
    this.nonceUses = new NonceUses(this, dialect == Dialect.SQLITE ? null : pool);
  }

  /**
   * Opens the pool (on PostgreSQL also the registrar's) and starts migrating the schema to the newest
   * version on a thread of its own: a start builds its services and listeners meanwhile (Flyway was a
   * third of a start), and every use of the store waits for the migration, or throws its failure.
   */
  public static Database open(String url, String user, String password, int poolSize, int sipPoolSize) {
    Dialect dialect = Dialect.of(url);
    HikariConfig hikari = config("switchboard", url);
    if (dialect == Dialect.SQLITE) {
      SqliteLibrary.useCopy(createParentDirectory(url));
      hikari.addDataSourceProperty("journal_mode", "WAL");
      hikari.addDataSourceProperty("synchronous", "NORMAL");
      hikari.addDataSourceProperty("busy_timeout", "10000");
      hikari.addDataSourceProperty("foreign_keys", "true");
      // The write lane's group commit runs each transaction in a savepoint, whose undo pages SQLite
      // keeps in a sub-journal: a temporary file once past 64 KiB, written on every statement.
      hikari.addDataSourceProperty("temp_store", "MEMORY");
      hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      // The WAL is copied to the database file by a thread of its own, not by a commit (Checkpointer).
      hikari.addDataSourceProperty("wal_autocheckpoint", "0");
      hikari.addDataSourceProperty("date_class", "INTEGER");
      // The readers, plus the one connection the write lane keeps for good.
      hikari.setMaximumPoolSize(Math.min(poolSize, 8) + 1);
    } else {
      credentials(hikari, user, password);
      hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
      hikari.setMaximumPoolSize(poolSize);
    }
    HikariDataSource pool = new HikariDataSource(hikari);
    // The migration starts first: on a new database it is the longest step of a start.
    CompletableFuture<Void> schema = new CompletableFuture<>();
    Thread.ofPlatform().name("migrate").daemon().start(() -> migrate(pool, dialect, schema));
    Database db;
    if (dialect == Dialect.SQLITE) {
      db = new Database(pool, schema, pool, dialect, url, user, password);
    } else {
      HikariConfig sip = config("switchboard-sip", url);
      credentials(sip, user, password);
      // Bindings are soft state that phones renew: they need not wait for the WAL flush (see
      // database.sip_pool_size in config/switchboard.yml); nothing else is written on these connections.
      sip.addDataSourceProperty("options", "-c synchronous_commit=off");
      sip.setMaximumPoolSize(sipPoolSize);
      try {
        db = new Database(pool, schema, new HikariDataSource(sip), dialect, url, user, password);
      } catch (RuntimeException e) {
        schema.exceptionally(failed -> null).join();
        pool.close();
        throw e;
      }
    }
    if (db.checkpointer != null) {
      db.schema.thenRun(db.checkpointer::start);
    }
    return db;
  }

  private static java.sql.Connection checkpointConnection(String url) throws SQLException {
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    config.setBusyTimeout(Checkpointer.BUSY_TIMEOUT_MS);
    // As the writers': the checkpoint syncs the WAL before it copies and the database file after.
    config.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.NORMAL);
    return config.createConnection(url);
  }

  private static void migrate(HikariDataSource pool, Dialect dialect, CompletableFuture<Void> schema) {
    try {
      long started = System.nanoTime();
      Migrations migrations = dialect.migrations();
      var result = Flyway.configure()
          .dataSource(pool)
          .resourceProvider(migrations)
          .javaMigrationClassProvider(migrations)
          .load()
          .migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("schema migrated to version {} ({} migrations) in {} ms", result.targetSchemaVersion,
            result.migrationsExecuted, (System.nanoTime() - started) / 1_000_000);
      }
      schema.complete(null);
    } catch (Throwable e) {
      schema.completeExceptionally(e);
    }
  }

  /** Waits for the schema migration; throws its failure, the same exception each time. */
  public void ready() {
    try {
      schema.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failed) {
        throw failed;
      }
      if (e.getCause() instanceof Error failed) {
        throw failed;
      }
      throw e;
    }
  }

  private static HikariConfig config(String name, String url) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    hikari.setPoolName(name);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(10_000);
    return hikari;
  }

  private static void credentials(HikariConfig hikari, String user, String password) {
    if (user != null && !user.isBlank()) {
      hikari.setUsername(user);
    }
    if (password != null && !password.isBlank()) {
      hikari.setPassword(password);
    }
  }

  /** The database file's directory, created if missing; null for an in-memory or file: URL. */
  private static Path createParentDirectory(String url) {
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) {
      file = file.substring(0, query);
    }
    if (file.isBlank() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return null;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the database directory " + parent, e);
    }
    return parent;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in one transaction: all of its writes land, or none. */
  public <T> T tx(Function<Daos, T> work) {
    MemoryOnly.check();
    ready();
    // A statement that may change cached data moved the versions before the commit (ChangeLogger,
    // FastWrites); moving them again after the commit is what makes a read in between stale.
    long before = changes.version();
    long rewritesBefore = changes.rewrites();
    try {
      Daos[] daos = new Daos[1];
      T result;
      if (writeLane == null) {
        result = jdbi.inTransaction(handle -> work.apply(daos[0] = Daos.inTransaction(shared, handle)));
      } else {
        result = writeLane.transaction(h -> work.apply(daos[0] = Daos.attachedTo(h, writerDaos, changes)));
      }
      changes.movedAgainSince(before, rewritesBefore);
      daos[0].runAfterCommit();
      return result;
    } catch (RuntimeException e) {
      changes.movedAgainSince(before, rewritesBefore);
      throw translate(e);
    }
  }

  /**
   * Runs single-statement writes (nonces, sessions, the outbox): on PostgreSQL each commits on its
   * own; on SQLite they are a transaction of the write lane, so that they share a commit with the
   * writers queued beside them (a database-mode digest login writes once).
   */
  public <T> T write(Function<Daos, T> work) {
    return writeLane == null ? read(work) : tx(work);
  }

  /** SQLite: {@code PRAGMA data_version} on the write lane's connection, which other connections' commits move. */
  private long writerDataVersion() throws SQLException {
    return writeLane.dataVersion();
  }

  /** Runs {@code work} without a transaction: each statement commits on its own (reads, single writes). */
  public <T> T read(Function<Daos, T> work) {
    MemoryOnly.check();
    ready();
    try {
      return work.apply(shared);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** A unique-constraint violation becomes a {@link DuplicateKeyException}, on either database. */
  private static RuntimeException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && isUniqueViolation(sql)) {
        return new DuplicateKeyException(e);
      }
    }
    return e;
  }

  private static boolean isUniqueViolation(SQLException e) {
    // PostgreSQL: SQLSTATE 23505. SQLite: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY (extended codes 2067, 1555).
    return "23505".equals(e.getSQLState()) || e.getErrorCode() == 2067 || e.getErrorCode() == 1555
        || (e.getMessage() != null && (e.getMessage().contains("SQLITE_CONSTRAINT_UNIQUE")
            || e.getMessage().contains("SQLITE_CONSTRAINT_PRIMARYKEY")));
  }

  /**
   * Lets the read caches serve: starts watching for the writes of other processes. Only the server
   * does; the CLI's short-lived processes read through.
   */
  public void watchOtherWriters() {
    watcher.start();
  }

  /** The version of the stored data, for caches of what is read from it. */
  public Changes changes() {
    return changes;
  }

  /** The per-request reads, in plain JDBC. */
  public FastReads fast() {
    ready();
    return fast;
  }

  /** The SIP bindings (the Kamailio-layout location table). */
  public LocationStore locations() {
    ready();
    return locations;
  }

  /** The registrar's credential and secret reads. */
  public SipStore sip() {
    ready();
    return sip;
  }

  /** The uses of digest nonces (batched on PostgreSQL). */
  public NonceUses nonceUses() {
    return nonceUses;
  }

  /** True when the database answers a trivial query. */
  public boolean healthy() {
    try {
      ready();
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public Jdbi jdbi() {
    ready();
    return jdbi;
  }

  @Override
  public void close() {
    // A migration still running keeps its connection: let it end (or fail) before the pool closes.
    schema.exceptionally(e -> null).join();
    nonceUses.close();
    watcher.close();
    if (checkpointer != null) {
      checkpointer.close();
    }
    if (writeLane != null) {
      writeLane.close();
    }
    if (sipPool != pool) {
      sipPool.close();
    }
    pool.close();
  }
}
