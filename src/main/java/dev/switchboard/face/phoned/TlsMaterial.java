package dev.switchboard.face.phoned;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS listener's certificate and key: the operator's PEM files (any key PEM BouncyCastle
 * reads: PKCS#8, PKCS#1, SEC1), or a self-signed pair generated once into the data directory.
 */
final class TlsMaterial {
  private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);

  private TlsMaterial() {}

  static KeyStore keyStore(String certificate, String privateKey, Path dataDir) {
    Path cert;
    Path key;
    if (certificate == null || certificate.isBlank()) {
      cert = dataDir.resolve("phoned-certificate.pem");
      key = dataDir.resolve("phoned-private-key.pem");
      if (!Files.exists(cert) || !Files.exists(key)) {
        generate(cert, key);
        LOG.warn("phoned HTTPS: no certificate configured, generated a self-signed one into {} (set "
            + "phoned.https.certificate and private_key for phones that check certificates)", cert);
      }
    } else {
      cert = Path.of(certificate);
      key = Path.of(privateKey);
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      PrivateKey pk = null;
      JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
      JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
      for (Path file : List.of(cert, key)) {
        try (Reader reader = Files.newBufferedReader(file); PEMParser pem = new PEMParser(reader)) {
          for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
            if (o instanceof X509CertificateHolder holder) {
              chain.add(certs.getCertificate(holder));
            } else if (o instanceof PEMKeyPair pair) {
              pk = keys.getKeyPair(pair).getPrivate();
            } else if (o instanceof PrivateKeyInfo info) {
              pk = keys.getPrivateKey(info);
            }
          }
        }
      }
      if (chain.isEmpty() || pk == null) {
        throw new IllegalArgumentException("phoned.https: no certificate or no private key in the PEM files");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("phoned", pk, new char[0], chain.toArray(X509Certificate[]::new));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("phoned.https: cannot read the certificate or key: " + e.getMessage(), e);
    }
  }

  private static void generate(Path cert, Path key) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      X500Name name = new X500Name("CN=switchboard-phoned");
      Instant now = Instant.now();
      String host;
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        host = "localhost";
      }
      GeneralNames names = new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.dNSName, host), new GeneralName(GeneralName.iPAddress, "127.0.0.1")});
      X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic())
          .addExtension(Extension.subjectAlternativeName, false, names)
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
      Files.createDirectories(cert.toAbsolutePath().getParent());
      try (Writer w = Files.newBufferedWriter(cert); JcaPEMWriter pem = new JcaPEMWriter(w)) {
        pem.writeObject(holder);
      }
      try (Writer w = Files.newBufferedWriter(key); JcaPEMWriter pem = new JcaPEMWriter(w)) {
        pem.writeObject(pair.getPrivate());
      }
      try {
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate a self-signed certificate", e);
    }
  }
}
