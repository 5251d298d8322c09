package dev.switchboard.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server in the test process (GreenMail) and what reached it. */
public final class Mailbox implements AutoCloseable {
  private final GreenMail mail;
  private final int port;

  public Mailbox() {
    port = ServerProcess.freePort();
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  public int port() {
    return port;
  }

  /** The newest message sent to {@code to}, waiting up to 15 s for it. */
  public MimeMessage last(String to) {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      List<MimeMessage> matching = Arrays.stream(mail.getReceivedMessages()).filter(m -> sentTo(m, to)).toList();
      if (!matching.isEmpty()) {
        return matching.get(matching.size() - 1);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no mail to " + to + " within 15 s");
  }

  public int count(String to) {
    return (int) Arrays.stream(mail.getReceivedMessages()).filter(m -> sentTo(m, to)).count();
  }

  private static boolean sentTo(MimeMessage m, String to) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(to));
    } catch (MessagingException e) {
      return false;
    }
  }

  public static String body(MimeMessage m) {
    return GreenMailUtil.getBody(m);
  }

  /** The first run of 6 digits in a text: the code a message carries. */
  public static String code(String text) {
    Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("no code in: " + text);
    }
    return matcher.group(1);
  }

  @Override
  public void close() {
    mail.stop();
  }
}
