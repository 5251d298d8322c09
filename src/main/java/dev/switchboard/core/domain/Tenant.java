package dev.switchboard.core.domain;

/**
 * A domain seen as a Kazoo account (tenant): its Kazoo name, its parent domain (null at the top)
 * and the rest of its document (JSON). A domain never touched by the Kazoo face is a top-level
 * tenant named after itself, with an empty document.
 */
public record Tenant(Domain domain, String name, Long parentId, String document, long revision) {
  public String realm() {
    return domain.name();
  }
}
