package dev.switchboard.core.directory;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.switchboard.config.Config;
import dev.switchboard.core.account.Account;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A UTF-8 CSV file with a header row; re-read when it changes. */
public final class CsvSource implements Source {
  private record Contact(String name, List<String[]> numbers) {}

  private final Path file;
  private final String nameColumn;
  private final List<Config.NumberField> numberColumns;
  private volatile FileTime loadedAt;
  private volatile List<Contact> contacts = List.of();

  public CsvSource(Config.Source source) {
    this.file = Path.of(source.file());
    this.nameColumn = source.nameColumn();
    this.numberColumns = source.numberColumns();
  }

  @Override
  public List<Line> lookup(String term, Account user) throws IOException {
    List<Line> out = new ArrayList<>();
    for (Contact c : load()) {
      if (Source.matches(term, c.name(), c.numbers())) {
        Source.contact(out, c.name(), c.numbers());
      }
    }
    return out;
  }

  private synchronized List<Contact> load() throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    if (modified.equals(loadedAt)) {
      return contacts;
    }
    List<Contact> loaded = new ArrayList<>();
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        String name = row.get(nameColumn);
        if (name == null || name.isBlank()) {
          continue;
        }
        List<String[]> numbers = new ArrayList<>();
        for (Config.NumberField column : numberColumns) {
          numbers.add(new String[] {row.get(column.column()), column.label()});
        }
        loaded.add(new Contact(name.strip(), numbers));
      }
    }
    contacts = List.copyOf(loaded);
    loadedAt = modified;
    return contacts;
  }
}
