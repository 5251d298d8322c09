package dev.switchboard.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library extracted beside the jar (as ./switchboard keeps its AOT cache),
 * or beside the database when the jar's directory is read-only, so that a start loads it instead of
 * extracting it again. Left alone, sqlite-jdbc writes the library (1 MB) to a new file in the
 * temporary directory on every start and reads both copies back byte by byte to compare them: about a
 * sixth of a start's CPU time, measured with JFR. Here the copy is checked against the jar entry's
 * CRC-32 and size instead, and replaced (written aside, then renamed) when it differs. Any failure
 * leaves sqlite-jdbc to its own way.
 */
final class SqliteLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteLibrary.class);
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";

  private SqliteLibrary() {}

  /**
   * Points sqlite-jdbc at a verified copy in JAR.native/ beside the jar, else in .sqlite-native/ in
   * {@code databaseDirectory} (null: none).
   */
  static synchronized void useCopy(Path databaseDirectory) {
    if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
      return;
    }
    try {
      String name = LibraryLoaderUtil.getNativeLibName();
      URL resource = SQLiteJDBCLoader.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
      if (resource == null) {
        return;
      }
      URLConnection connection = resource.openConnection();
      if (!(connection instanceof JarURLConnection jar)) {
        return;
      }
      JarEntry entry = jar.getJarEntry();
      if (entry.getCrc() < 0 || entry.getSize() < 0) {
        return;
      }
      Path base = directory(jar.getJarFileURL(), databaseDirectory);
      if (base == null) {
        return;
      }
      // The library keeps its own name (org.sqlite.lib.name unset): should loading the copy fail (a
      // noexec mount, say), sqlite-jdbc still finds the library in the jar and extracts it itself.
      Path dir = base.resolve("sqlite-" + SQLiteJDBCLoader.getVersion() + "-" + Long.toHexString(entry.getCrc()));
      Path copy = dir.resolve(name);
      if (!matches(copy, entry)) {
        extract(resource, base, copy, entry);
      }
      System.setProperty(PATH, dir.toString());
    } catch (IOException | RuntimeException e) {
      LOG.debug("sqlite-jdbc extracts its native library itself: {}", e.toString());
    }
  }

  private static Path directory(URL jarFile, Path databaseDirectory) {
    URL self = SqliteLibrary.class.getResource("SqliteLibrary.class");
    // Only our own (shaded) jar: not sqlite-jdbc's jar in a Maven repository, as in the tests.
    boolean shaded = self != null && self.toString().startsWith("jar:" + jarFile + "!/");
    try {
      Path jar = Path.of(jarFile.toURI());
      String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".native";
      if (shaded && (Files.isDirectory(jar.resolveSibling(name)) || Files.isWritable(jar.getParent()))) {
        return jar.resolveSibling(name);
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // not a plain file: the database's directory then
    }
    return databaseDirectory == null ? null : databaseDirectory.resolve(".sqlite-native");
  }

  private static boolean matches(Path copy, JarEntry entry) throws IOException {
    if (!Files.isRegularFile(copy) || Files.size(copy) != entry.getSize()) {
      return false;
    }
    return crc(Files.readAllBytes(copy)) == entry.getCrc();
  }

  private static void extract(URL resource, Path base, Path copy, JarEntry entry) throws IOException {
    Path dir = copy.getParent();
    Files.createDirectories(dir);
    Path partial = Files.createTempFile(dir, "partial-", ".tmp");
    try {
      byte[] bytes;
      try (InputStream in = resource.openStream()) {
        bytes = in.readAllBytes();
      }
      if (bytes.length != entry.getSize() || crc(bytes) != entry.getCrc()) {
        throw new IOException("the native library read from the jar does not match its entry");
      }
      try (OutputStream out = Files.newOutputStream(partial)) {
        out.write(bytes);
      }
      Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    // Copies of other sqlite-jdbc versions (an upgraded jar): a process still running maps its own.
    try (DirectoryStream<Path> old = Files.newDirectoryStream(base, "sqlite-*")) {
      for (Path p : old) {
        if (!p.equals(dir)) {
          Files.deleteIfExists(p.resolve(copy.getFileName()));
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }
}
