package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;

/**
 * The uses of digest nonces, shared by every instance on the database: each nc of a nonce is recorded
 * once, durably, in digest_nonces (one upsert, {@link NonceDao#USE}), so that it is accepted once
 * whichever instance it is answered to, and again never after a restart or a crash.
 *
 * <p>On PostgreSQL, uses that arrive together share one statement and one commit: a writer thread
 * takes every use queued while the previous batch was committing and writes them with one
 * {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE ... RETURNING}. A statement may not
 * update one row twice, so a batch holds one use per nonce; another use of the same nonce waits for the
 * next batch. Each caller returns once the batch holding its use committed, and a batch that fails
 * fails every use in it (none is accepted). On SQLite a use is one statement on the write lane, which
 * group-commits already.
 */
public final class NonceUses implements AutoCloseable {
  /** The most uses written by one statement. */
  static final int MAX_BATCH = 512;
  static final String USE_MANY = "INSERT INTO digest_nonces (nonce, opaque, nc, expires_at)"
      + " SELECT u.nonce, u.opaque, u.nc, to_timestamp(u.expires)"
      + " FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS u (nonce, opaque, nc, expires)"
      // One order of row locks for every batch of every instance: two batches cannot deadlock.
      + " ORDER BY u.nonce"
      + " ON CONFLICT (nonce) DO UPDATE SET nc = EXCLUDED.nc WHERE digest_nonces.nc < EXCLUDED.nc"
      + " RETURNING nonce";

  private record Use(String nonce, String opaque, long nc, Instant expiresAt, CompletableFuture<Boolean> done) {}

  private final Database db;
  /** PostgreSQL's pool; null on SQLite, where uses go through the write lane. */
  private final DataSource pool;
  private final LinkedBlockingQueue<Use> queue = new LinkedBlockingQueue<>();
  /** Guarded by this: the batch writer, started by the first use; closed stops it for good. */
  private Thread writer;
  private boolean closed;

  NonceUses(Database db, DataSource pool) {
    this.db = db;
    this.pool = pool;
  }

  /**
   * Records {@code nc} of {@code nonce} as used, durably: true when it is recorded now; false when that
   * nc, or a higher one, was used already (by any instance). Throws when it could not be recorded.
   * {@code expiresAt} is when the nonce expires: the row goes with the expired ones after it.
   */
  public boolean use(String nonce, String opaque, long nc, Instant expiresAt) {
    MemoryOnly.check();
    if (pool == null) {
      return db.write(d -> d.nonces().use(nonce, opaque, nc, expiresAt)) > 0;
    }
    try {
      return useLater(nonce, opaque, nc, expiresAt).join();
    } catch (CompletionException e) {
      throw new IllegalStateException("recording a digest nonce's use failed", e.getCause());
    }
  }

  /**
   * {@link #use} without waiting for it: on PostgreSQL the use is queued, even inside {@link MemoryOnly}
   * work, and the future completes on the batch writer's thread once its batch committed (so what
   * follows it there must not wait either), or fails with the batch. On SQLite it is use's, run now.
   */
  public CompletableFuture<Boolean> useLater(String nonce, String opaque, long nc, Instant expiresAt) {
    if (pool == null) {
      return CompletableFuture.completedFuture(use(nonce, opaque, nc, expiresAt));
    }
    db.ready();
    Use use = new Use(nonce, opaque, nc, expiresAt, new CompletableFuture<>());
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the store is closed");
      }
      if (writer == null) {
        writer = Thread.ofPlatform().name("digest-nonce-uses").daemon().start(this::writeBatches);
      }
      queue.add(use);
    }
    return use.done();
  }

  /** How many uses wait for a batch (for tests). */
  int queued() {
    return queue.size();
  }

  private void writeBatches() {
    List<Use> carried = new ArrayList<>();
    try {
      while (true) {
        List<Use> pending = carried;
        if (pending.isEmpty()) {
          pending.add(queue.take());
        }
        queue.drainTo(pending, Math.max(0, MAX_BATCH - pending.size()));
        Map<String, Use> batch = new LinkedHashMap<>();
        carried = new ArrayList<>();
        for (Use use : pending) {
          if (batch.size() >= MAX_BATCH || batch.putIfAbsent(use.nonce(), use) != null) {
            carried.add(use); // the same nonce again: the next batch (in order, before newer uses)
          }
        }
        write(batch.values());
      }
    } catch (InterruptedException e) {
      IllegalStateException stopped = new IllegalStateException("the store is closed");
      carried.forEach(u -> u.done().completeExceptionally(stopped));
      List<Use> left = new ArrayList<>();
      queue.drainTo(left);
      left.forEach(u -> u.done().completeExceptionally(stopped));
    }
  }

  /** One statement, one commit: each use is recorded, refused or failed with the batch. */
  private void write(java.util.Collection<Use> batch) {
    int n = batch.size();
    String[] nonces = new String[n];
    String[] opaques = new String[n];
    Long[] ncs = new Long[n];
    Long[] expiries = new Long[n];
    int i = 0;
    for (Use u : batch) {
      nonces[i] = u.nonce();
      opaques[i] = u.opaque();
      ncs[i] = u.nc();
      expiries[i] = u.expiresAt().getEpochSecond();
      i++;
    }
    Set<String> recorded = new HashSet<>();
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(USE_MANY)) {
      ps.setArray(1, c.createArrayOf("text", nonces));
      ps.setArray(2, c.createArrayOf("text", opaques));
      ps.setArray(3, c.createArrayOf("bigint", ncs));
      ps.setArray(4, c.createArrayOf("bigint", expiries));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          recorded.add(rs.getString(1));
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException | RuntimeException | Error e) {
      for (Use u : batch) {
        u.done().completeExceptionally(e);
      }
      return;
    }
    for (Use u : batch) {
      u.done().complete(recorded.contains(u.nonce()));
    }
  }

  @Override
  public void close() {
    Thread w;
    synchronized (this) {
      closed = true;
      w = writer;
    }
    if (w != null) {
      w.interrupt();
      try {
        w.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
