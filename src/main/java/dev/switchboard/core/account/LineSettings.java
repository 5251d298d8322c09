package dev.switchboard.core.account;

/**
 * What Hermes keeps about an account's line beside its credentials: whether it is a remote
 * (provisioning-only) user with its own registrar and proxy, and the provisioning extras.
 */
public record LineSettings(boolean remote, boolean apiOnly, String authid, String registrar, Integer rPort,
    String proxy, Integer pPort, String dialplan, String linetext, String rpid, String permittedcalls) {}
