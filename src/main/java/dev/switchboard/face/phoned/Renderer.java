package dev.switchboard.face.phoned;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Pebble template per vendor and document (templates/phoned/{vendor}-{document}.peb), which an
 * operator may override from templates.dir/phoned/. Every value is HTML/XML-escaped on output.
 */
final class Renderer {
  private final PebbleEngine engine;

  Renderer(String operatorDir) {
    List<Loader<?>> loaders = new ArrayList<>();
    if (operatorDir != null && !operatorDir.isBlank()) {
      FileLoader files = new FileLoader();
      files.setPrefix(operatorDir + "/phoned");
      loaders.add(files);
    }
    ClasspathLoader classpath = new ClasspathLoader();
    classpath.setPrefix("templates/phoned");
    loaders.add(classpath);
    engine = new PebbleEngine.Builder().loader(new DelegatingLoader(loaders)).autoEscaping(true)
        .defaultEscapingStrategy("html").newLineTrimming(false).strictVariables(false).build();
  }

  String render(Vendor vendor, String document, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(vendor.wire + "-" + document + ".peb").evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
