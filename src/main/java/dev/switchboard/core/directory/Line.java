package dev.switchboard.core.directory;

/** One directory line as a phone shows it: a name (with its number's label) and a dialable number. */
public record Line(String name, String number) {}
