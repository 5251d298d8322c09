package dev.switchboard.phoned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator's template in templates.dir/phoned/ replaces the built-in one of the same name. */
class TemplateOverrideIT {
  @Test
  void an_operator_template_replaces_the_built_in_document() throws Exception {
    Path dir = Files.createTempDirectory("sb-phoned-templates");
    Files.createDirectories(dir.resolve("phoned"));
    Files.writeString(dir.resolve("phoned/yealink-lookup.peb"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Custom total=\"{{ total }}\">{% for e in entries %}"
            + "<E n=\"{{ e.name }}\"/>{% endfor %}</Custom>\n");
    try (ServerProcess server = ServerProcess.start(TestDatabase.sqlite(),
        Map.of("SWITCHBOARD_TEMPLATES_DIR", dir.toString()))) {
      server.cli("accounts", "create", "--username", "custom01", "--domain", "sip.example.org", "--password", "secret1");
      String body = Http.get(server.phoned("/0.1/directories/lookup/default/yealink?term=custom")).body();
      assertThat(body).contains("<Custom total=\"1\">").contains("<E n=\"custom01\"/>");
      assertThat(Http.get(server.phoned("/0.1/directories/lookup/default/htek?term=custom")).body())
          .contains("<PhoneDirectory>");
    }
  }
}
