package dev.switchboard.core.registration;

import java.util.List;

/**
 * What one REGISTER does to an AOR's rows, applied in one transaction: rows removed by ruid, then
 * rows written (inserted, or updated when their ruid exists).
 *
 * @param connectionId Kamailio's connection_id of the written rows: the TCP connection's number, -1 for UDP
 */
public record BindingChanges(List<String> removed, List<Binding> written, int connectionId) {}
