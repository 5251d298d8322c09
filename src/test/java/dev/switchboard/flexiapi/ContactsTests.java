package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.support.DigestClient;
import dev.switchboard.support.Http;
import dev.switchboard.support.Http.Response;
import dev.switchboard.support.TwoAdminsServer;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.RawProperty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FlexiAPI contacts, contacts lists, account types, actions, dictionary, vCard and messages, black-box. */
abstract class ContactsTests extends TwoAdminsServer {
  static final ObjectMapper JSON = new ObjectMapper();

  Response admin(String method, String path, Object body) {
    try {
      return Http.send(method, server.url(path), body == null ? null : JSON.writeValueAsString(body), "x-api-key", adminKey);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  long account(String username, Map<String, Object> extra) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password", "contact-secret",
        "algorithm", "SHA-256", "activated", true));
    body.putAll(extra);
    Response r = admin("POST", "/api/accounts", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  Response asUser(String username, String path) {
    return DigestClient.get(server.url(""), path, username, DOMAIN, "contact-secret", "SHA-256");
  }

  static void assert422(Response r, String... fields) {
    AccountsTests.assert422(r, fields);
  }

  @Test
  void an_accounts_contacts_are_its_own_plus_its_lists_without_duplicates() {
    long owner = account("owner0001", Map.of());
    long bob = account("bobcontact", Map.of("display_name", "Bob"));
    long carol = account("carolcont", Map.of());
    assertThat(admin("POST", "/api/accounts/" + owner + "/contacts/" + bob, null).status()).isEqualTo(200);
    assertThat(admin("POST", "/api/accounts/" + owner + "/contacts/" + bob, null).status()).as("idempotent").isEqualTo(200);
    assertThat(admin("POST", "/api/accounts/" + owner + "/contacts/999999", null).status()).isEqualTo(404);
    assertThat(admin("POST", "/api/accounts/" + owner + "/contacts/" + owner, null).status()).isEqualTo(422);

    Response list = admin("POST", "/api/contacts_lists", Map.of("title", "Team", "description", "Everyone"));
    assertThat(list.status()).isEqualTo(201);
    long listId = list.json().get("id").asLong();
    admin("POST", "/api/contacts_lists/" + listId + "/contacts/" + bob, null);
    Response added = admin("POST", "/api/contacts_lists/" + listId + "/contacts/" + carol, null);
    assertThat(added.json().get("contacts_count").asInt()).isEqualTo(2);
    assertThat(admin("POST", "/api/accounts/" + owner + "/contacts_lists/" + listId, null).status()).isEqualTo(200);

    Response mine = asUser("owner0001", "/api/accounts/me/contacts");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().findValuesAsText("username")).containsExactly("bobcontact", "carolcont");
    assertThat(admin("GET", "/api/accounts/" + owner + "/contacts", null).json().findValuesAsText("username"))
        .containsExactly("bobcontact", "carolcont");
    Response one = asUser("owner0001", "/api/accounts/me/contacts/sip:carolcont@" + DOMAIN);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("username").asText()).isEqualTo("carolcont");
    assertThat(asUser("owner0001", "/api/accounts/me/contacts/sip:admin01@" + DOMAIN).status()).isEqualTo(404);

    assertThat(admin("DELETE", "/api/accounts/" + owner + "/contacts_lists/" + listId, null).status()).isEqualTo(200);
    assertThat(asUser("owner0001", "/api/accounts/me/contacts").json().findValuesAsText("username"))
        .containsExactly("bobcontact");
    assertThat(admin("DELETE", "/api/accounts/" + owner + "/contacts/" + bob, null).status()).isEqualTo(200);
    assertThat(asUser("owner0001", "/api/accounts/me/contacts").json()).isEmpty();
    assertThat(Http.get(server.url("/api/accounts/me/contacts")).status()).isEqualTo(401);
  }

  @Test
  void contacts_lists_crud_and_validation() {
    assert422(admin("POST", "/api/contacts_lists", Map.of()), "title", "description");
    long id = admin("POST", "/api/contacts_lists", Map.of("title", "A", "description", "first")).json().get("id").asLong();
    Response updated = admin("PUT", "/api/contacts_lists/" + id, Map.of("title", "B", "description", "second"));
    assertThat(updated.json().get("title").asText()).isEqualTo("B");
    assertThat(admin("GET", "/api/contacts_lists/" + id, null).json().get("contacts")).isEmpty();
    assertThat(admin("GET", "/api/contacts_lists", null).json().findValuesAsText("title")).contains("B");
    assertThat(admin("DELETE", "/api/contacts_lists/" + id, null).status()).isEqualTo(200);
    assertThat(admin("GET", "/api/contacts_lists/" + id, null).status()).isEqualTo(404);
    assertThat(admin("DELETE", "/api/contacts_lists/" + id, null).status()).isEqualTo(404);
  }

  @Test
  void account_types_crud_and_both_removal_paths() {
    assert422(admin("POST", "/api/account_types", Map.of("key", "Not Valid")), "key");
    assert422(admin("POST", "/api/account_types", Map.of()), "key");
    Response created = admin("POST", "/api/account_types", Map.of("key", "door-phone"));
    assertThat(created.status()).isEqualTo(201);
    long typeId = created.json().get("id").asLong();
    assert422(admin("POST", "/api/account_types", Map.of("key", "door-phone")), "key");
    assertThat(admin("PUT", "/api/account_types/" + typeId, Map.of("key", "door")).json().get("key").asText())
        .isEqualTo("door");
    assertThat(admin("GET", "/api/account_types/" + typeId, null).json().get("key").asText()).isEqualTo("door");

    long acc = account("typed0001", Map.of());
    Response attached = admin("POST", "/api/accounts/" + acc + "/types/" + typeId, null);
    assertThat(attached.json().get("types").findValuesAsText("key")).containsExactly("door");
    assertThat(admin("DELETE", "/api/accounts/" + acc + "/types/" + typeId, null).status()).isEqualTo(200);
    assertThat(admin("GET", "/api/accounts/" + acc, null).json().get("types")).isEmpty();
    admin("POST", "/api/accounts/" + acc + "/types/" + typeId, null);
    assertThat(admin("DELETE", "/api/accounts/" + acc + "/contacts/" + typeId, null).status())
        .as("the reference documentation's path").isEqualTo(200);
    assertThat(admin("GET", "/api/accounts/" + acc, null).json().get("types")).isEmpty();
    assertThat(admin("DELETE", "/api/accounts/" + acc + "/types/" + typeId, null).status()).isEqualTo(404);
    assertThat(admin("DELETE", "/api/account_types/" + typeId, null).status()).isEqualTo(200);
    assertThat(admin("GET", "/api/account_types/" + typeId, null).status()).isEqualTo(404);
  }

  @Test
  void actions_need_a_dtmf_protocol_and_valid_keys_and_codes() {
    long plain = account("nodtmf001", Map.of());
    assertThat(admin("GET", "/api/accounts/" + plain + "/actions", null).status()).isEqualTo(403);
    assertThat(admin("POST", "/api/accounts/" + plain + "/actions", Map.of("key", "open", "code", "1")).status())
        .isEqualTo(403);
    long acc = account("dtmf00001", Map.of("dtmf_protocol", "rfc2833"));
    assert422(admin("POST", "/api/accounts/" + acc + "/actions", Map.of("key", "Open Door", "code", "12#")), "key", "code");
    assert422(admin("POST", "/api/accounts/" + acc + "/actions", Map.of()), "key", "code");
    Response created = admin("POST", "/api/accounts/" + acc + "/actions", Map.of("key", "open-door", "code", "123"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long actionId = created.json().get("id").asLong();
    assert422(admin("POST", "/api/accounts/" + acc + "/actions", Map.of("key", "open-door", "code", "9")), "key");
    assertThat(admin("PUT", "/api/accounts/" + acc + "/actions/" + actionId, Map.of("key", "open-door", "code", "456"))
        .json().get("code").asText()).isEqualTo("456");
    assertThat(admin("GET", "/api/accounts/" + acc + "/actions/" + actionId, null).json().get("key").asText())
        .isEqualTo("open-door");
    assertThat(admin("GET", "/api/accounts/" + acc + "/actions", null).json()).hasSize(1);
    assertThat(admin("GET", "/api/accounts/" + acc, null).json().get("actions").get(0).get("code").asText())
        .isEqualTo("456");
    assertThat(admin("DELETE", "/api/accounts/" + acc + "/actions/" + actionId, null).status()).isEqualTo(200);
    assertThat(admin("GET", "/api/accounts/" + acc + "/actions/" + actionId, null).status()).isEqualTo(404);
  }

  @Test
  void the_dictionary_is_filled_at_creation_and_edited_by_key() {
    long acc = account("dict00001", Map.of("dictionary", Map.of("language", "fr", "team", "blue")));
    JsonNode shown = admin("GET", "/api/accounts/" + acc, null).json().get("dictionary");
    assertThat(shown.get("language").asText()).isEqualTo("fr");
    assertThat(admin("POST", "/api/accounts/" + acc + "/dictionary/team", Map.of("value", "red")).json().get("team")
        .asText()).isEqualTo("red");
    assert422(admin("POST", "/api/accounts/" + acc + "/dictionary/team", Map.of()), "value");
    assertThat(admin("DELETE", "/api/accounts/" + acc + "/dictionary/language", null).status()).isEqualTo(200);
    assertThat(admin("DELETE", "/api/accounts/" + acc + "/dictionary/language", null).status()).isEqualTo(404);
    JsonNode dictionary = admin("GET", "/api/accounts/" + acc + "/dictionary", null).json();
    assertThat(dictionary.size()).isEqualTo(1);
    assertThat(dictionary.get("team").asText()).isEqualTo("red");
    assert422(admin("POST", "/api/accounts", Map.of("username", "dict00002", "password", "secret1", "algorithm", "MD5",
        "dictionary", List.of("not", "a", "map"))), "dictionary");
  }

  @Test
  void the_vcard_list_parses_back_with_escaped_names_and_linphone_properties() {
    long owner = account("vcardown1", Map.of());
    String hostile = "Doe, John; \"Jr\"\nÉlodie 中文";
    long friend = account("vcardfrnd", Map.of("display_name", hostile, "dtmf_protocol", "sipinfo"));
    long plain = account("vcardplan", Map.of());
    long typeId = admin("POST", "/api/account_types", Map.of("key", "phone")).json().get("id").asLong();
    admin("POST", "/api/accounts/" + friend + "/types/" + typeId, null);
    admin("POST", "/api/accounts/" + friend + "/actions", Map.of("key", "open-door", "code", "123"));
    admin("POST", "/api/accounts/" + owner + "/contacts/" + friend, null);
    admin("POST", "/api/accounts/" + owner + "/contacts/" + plain, null);

    Response r = asUser("vcardown1", "/contacts/vcard");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/vcard");
    List<VCard> cards = Ezvcard.parse(r.body()).all();
    assertThat(cards).hasSize(2);
    VCard card = cards.stream().filter(c -> c.getImpps().get(0).getUri().toString().contains("vcardfrnd")).findFirst()
        .orElseThrow();
    assertThat(card.getVersion()).isEqualTo(VCardVersion.V4_0);
    assertThat(card.getKind().isIndividual()).isTrue();
    assertThat(card.getImpps().get(0).getUri().toString()).isEqualTo("sip:vcardfrnd@" + DOMAIN);
    assertThat(card.getFormattedName().getValue()).isEqualTo(hostile);
    assertThat(card.getExtendedProperty("X-LINPHONE-ACCOUNT-DTMF-PROTOCOL").getValue()).isEqualTo("sipinfo");
    assertThat(card.getExtendedProperty("X-LINPHONE-ACCOUNT-TYPE").getValue()).isEqualTo("phone");
    assertThat(card.getExtendedProperties("X-LINPHONE-ACCOUNT-ACTION")).extracting(RawProperty::getValue)
        .containsExactly("open-door;123");
    VCard other = cards.stream().filter(c -> c != card).findFirst().orElseThrow();
    assertThat(other.getFormattedName().getValue()).isEqualTo("vcardplan@" + DOMAIN);
    assertThat(other.getExtendedProperty("X-LINPHONE-ACCOUNT-DTMF-PROTOCOL")).isNull();

    Response single = asUser("vcardown1", "/contacts/vcard/sip:vcardplan@" + DOMAIN);
    assertThat(Ezvcard.parse(single.body()).all()).hasSize(1);
    assertThat(asUser("vcardown1", "/contacts/vcard/sip:admin01@" + DOMAIN).status()).isEqualTo(404);
    assertThat(Http.get(server.url("/contacts/vcard")).status()).isEqualTo(401);
  }

  @Test
  void messages_validate_then_need_a_registered_recipient() {
    assert422(admin("POST", "/api/messages", Map.of()), "to", "body");
    Response r = admin("POST", "/api/messages", Map.of("to", "sip:someone@" + DOMAIN, "body", "hello"));
    assert422(r, "to");
    assertThat(r.json().get("message").asText()).contains("no registered device");
  }

  @Test
  void users_get_403_anonymous_401_and_other_domains_403() {
    long acc = account("scoped001", Map.of("dtmf_protocol", "rfc2833"));
    String userKey = server.cli("api-keys", "create", "--sip", "sip:scoped001@" + DOMAIN).stdout().trim();
    String[][] endpoints = {{"GET", "/api/accounts/" + acc + "/contacts"}, {"POST", "/api/accounts/" + acc + "/contacts/1"},
        {"DELETE", "/api/accounts/" + acc + "/contacts/1"}, {"GET", "/api/contacts_lists"}, {"POST", "/api/contacts_lists"},
        {"GET", "/api/contacts_lists/1"}, {"PUT", "/api/contacts_lists/1"}, {"DELETE", "/api/contacts_lists/1"},
        {"POST", "/api/contacts_lists/1/contacts/1"}, {"DELETE", "/api/contacts_lists/1/contacts/1"},
        {"POST", "/api/accounts/" + acc + "/contacts_lists/1"}, {"DELETE", "/api/accounts/" + acc + "/contacts_lists/1"},
        {"GET", "/api/account_types"}, {"POST", "/api/account_types"}, {"GET", "/api/account_types/1"},
        {"PUT", "/api/account_types/1"}, {"DELETE", "/api/account_types/1"}, {"POST", "/api/accounts/" + acc + "/types/1"},
        {"DELETE", "/api/accounts/" + acc + "/types/1"}, {"GET", "/api/accounts/" + acc + "/actions"},
        {"POST", "/api/accounts/" + acc + "/actions"}, {"GET", "/api/accounts/" + acc + "/actions/1"},
        {"PUT", "/api/accounts/" + acc + "/actions/1"}, {"DELETE", "/api/accounts/" + acc + "/actions/1"},
        {"GET", "/api/accounts/" + acc + "/dictionary"}, {"POST", "/api/accounts/" + acc + "/dictionary/k"},
        {"DELETE", "/api/accounts/" + acc + "/dictionary/k"}, {"POST", "/api/messages"}};
    for (String[] e : endpoints) {
      assertThat(Http.send(e[0], server.url(e[1]), "{}").status()).as(e[0] + " " + e[1]).isEqualTo(401);
      assertThat(Http.send(e[0], server.url(e[1]), "{}", "x-api-key", userKey).status()).as(e[0] + " " + e[1])
          .isEqualTo(403);
    }
    for (String path : new String[] {"/contacts", "/actions", "/dictionary"}) {
      assertThat(Http.get(server.url("/api/accounts/" + acc + path), "x-api-key", otherAdminKey).status())
          .as(path).isEqualTo(403);
    }
  }
}
