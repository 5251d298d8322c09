package dev.switchboard.core.alias;

/** Another address for an account: alias@domain rings destination@domain. */
public record Alias(long id, String aliasUsername, String aliasDomain, String destinationUsername,
    String destinationDomain, boolean e164) {
  public String alias() {
    return aliasUsername + "@" + aliasDomain;
  }

  public String destination() {
    return destinationUsername + "@" + destinationDomain;
  }
}
