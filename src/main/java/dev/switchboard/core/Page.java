package dev.switchboard.core;

import java.util.List;

/** One page of a list: its items, the total count, the page number (from 1) and the page size. */
public record Page<T>(List<T> items, long total, int page, int perPage) {
  public long lastPage() {
    return Math.max(1, (total + perPage - 1) / perPage);
  }
}
