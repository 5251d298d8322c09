package dev.switchboard.core.account;

/** A stored credential: the HA1 of one algorithm (and the MD5 ha1b variant Kamailio reads). */
public record Password(long accountId, Algorithm algorithm, String ha1, String ha1b) {}
