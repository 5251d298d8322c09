package dev.switchboard.flexiapi;

import dev.switchboard.support.Http;

/** A POST of form fields (application/x-www-form-urlencoded). */
public final class FormPost {
  private FormPost() {}

  public static Http.Response send(String url, String body) {
    return AccountsTests.sendForm(url, body);
  }
}
