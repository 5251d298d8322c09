package dev.switchboard;

import dev.switchboard.core.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server key that seals stored cleartext passwords: 32 random bytes, base64, in
 * data_dir/secret.key, created with mode 600 on first start. Every instance sharing a database needs
 * the same file; losing it makes the sealed passwords unreadable (Hermes then shows them empty).
 */
final class SecretKeyFile {
  private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);

  private SecretKeyFile() {}

  static byte[] loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).trim());
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] key = SecretBox.newKey();
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
      LOG.info("generated the secret key {}", file);
      return key;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return loadOrCreate(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
