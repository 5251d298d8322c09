package dev.switchboard.notify;

import dev.switchboard.config.Config;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Sends plain-text mail over SMTP (Jakarta Mail), with STARTTLS or implicit TLS when configured. */
final class Mailer {
  private final Session session;
  private final String from;
  private final boolean configured;

  Mailer(Config.Mail mail) {
    this.configured = !mail.host().isBlank();
    this.from = mail.from();
    Properties p = new Properties();
    p.put("mail.smtp.host", mail.host());
    p.put("mail.smtp.port", Integer.toString(mail.port()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    switch (mail.security()) {
      case "starttls" -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
      }
      case "tls" -> p.put("mail.smtp.ssl.enable", "true");
      default -> { }
    }
    Authenticator auth = null;
    if (!mail.username().isBlank()) {
      p.put("mail.smtp.auth", "true");
      auth = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(mail.username(), mail.password());
        }
      };
    }
    this.session = Session.getInstance(p, auth);
  }

  /** {@code rendered}: "Subject: …" on the first line, a blank line, then the body. */
  void send(String to, String rendered) throws DeliveryException {
    if (!configured) {
      throw new DeliveryException("mail.host is not configured");
    }
    String subject = "";
    String body = rendered;
    if (rendered.startsWith("Subject:")) {
      int end = rendered.indexOf('\n');
      subject = (end < 0 ? rendered.substring(8) : rendered.substring(8, end)).trim();
      body = end < 0 ? "" : rendered.substring(end + 1).replaceFirst("^\\r?\\n", "");
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from, true));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      message.setSubject(subject, "UTF-8");
      message.setText(body, "UTF-8");
      Transport.send(message);
    } catch (AddressException e) {
      throw new DeliveryException("bad address: " + e.getMessage(), e);
    } catch (MessagingException e) {
      throw new DeliveryException("SMTP: " + e.getMessage(), e);
    }
  }
}
