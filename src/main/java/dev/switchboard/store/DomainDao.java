package dev.switchboard.store;

import dev.switchboard.core.domain.Domain;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The domains table. */
public interface DomainDao {
  @SqlQuery("INSERT INTO domains (uuid, name, created_at, updated_at) VALUES (:uuid, :name, :now, :now) RETURNING id")
  long insert(@Bind("uuid") String uuid, @Bind("name") String name, @Bind("now") Instant now);

  @SqlQuery("INSERT INTO domains (uuid, name, local, created_at, updated_at) VALUES (:uuid, :name, FALSE, :now, :now)"
      + " RETURNING id")
  long insertRemote(@Bind("uuid") String uuid, @Bind("name") String name, @Bind("now") Instant now);

  @SqlQuery("SELECT * FROM domains WHERE local = TRUE ORDER BY name")
  List<Domain> listLocal();

  String BY_NAME = "SELECT * FROM domains WHERE name = :name";

  @SqlQuery(BY_NAME)
  Optional<Domain> findByName(@Bind("name") String name);

  @SqlQuery("SELECT * FROM domains ORDER BY name")
  List<Domain> list();
}
