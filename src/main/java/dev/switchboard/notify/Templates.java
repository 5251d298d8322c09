package dev.switchboard.notify;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pebble templates for what Switchboard writes to people (mail, SMS): the operator's directory
 * first, then the ones in the jar (src/main/resources/templates). Text output, no HTML escaping;
 * the `json` filter turns a value into a JSON string literal for gateway bodies.
 */
public final class Templates {
  private final PebbleEngine engine;
  private final PebbleEngine inline = new PebbleEngine.Builder()
      .loader(new io.pebbletemplates.pebble.loader.StringLoader())
      .autoEscaping(false)
      .extension(new JsonExtension())
      .build();

  public Templates(String operatorDir) {
    List<Loader<?>> loaders = new ArrayList<>();
    if (operatorDir != null && !operatorDir.isBlank()) {
      FileLoader files = new FileLoader();
      files.setPrefix(operatorDir);
      loaders.add(files);
    }
    ClasspathLoader classpath = new ClasspathLoader();
    classpath.setPrefix("templates");
    loaders.add(classpath);
    this.engine = new PebbleEngine.Builder()
        .loader(new DelegatingLoader(loaders))
        .autoEscaping(false)
        .strictVariables(false)
        .newLineTrimming(false)
        .extension(new JsonExtension())
        .build();
  }

  public String render(String name, Map<String, ?> model) {
    try {
      PebbleTemplate template = engine.getTemplate(name);
      StringWriter out = new StringWriter();
      template.evaluate(out, Map.copyOf(model));
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renders an inline template (the SMS gateway body). */
  public String renderInline(String source, Map<String, ?> model) {
    try {
      StringWriter out = new StringWriter();
      inline.getTemplate(source).evaluate(out, Map.copyOf(model));
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class JsonExtension extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
      return Map.of("json", new Filter() {
        @Override
        public List<String> getArgumentNames() {
          return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext ctx,
            int line) {
          return Json.quote(input == null ? "" : input.toString());
        }
      });
    }
  }
}
