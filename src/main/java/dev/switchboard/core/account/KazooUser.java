package dev.switchboard.core.account;

/**
 * An account seen as a Kazoo user: its Kazoo login (the SIP username unless it had to differ, e.g.
 * an email) and the rest of its user document (JSON; "{}" for an account never written as a user).
 */
public record KazooUser(Account account, String login, String document, long revision) {}
