package dev.switchboard.core.account;

/** An account on another SIP service, linked to one of ours and provisioned beside it. */
public record ExternalAccount(long accountId, String username, String domain, String realm, Algorithm algorithm,
    String ha1, String registrar, String outboundProxy, String protocol) {}
