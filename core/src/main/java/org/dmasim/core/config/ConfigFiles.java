package org.dmasim.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.configuration2.FileBasedConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.XMLConfiguration;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Loads a configuration file as properties, YAML or XML, chosen by its extension. */
public final class ConfigFiles {
  /** The extensions understood. */
  public static final List<String> EXTENSIONS = List.of("properties", "yaml", "yml", "xml");

  private ConfigFiles() {}

  /** Loads {@code file}; a missing file, an unknown extension or a syntax error is one problem. */
  public static FileBasedConfiguration load(Path file) {
    if (file.getFileName() == null || file.toString().isBlank()) {
      throw new ConfigurationProblems("'" + file + "'", List.of("No configuration file name: give a file's path."));
    }
    String name = file.getFileName().toString();
    if (Files.isDirectory(file)) {
      throw new ConfigurationProblems(name, List.of("'" + file + "' is a directory, not a configuration file."));
    }
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    FileBasedConfiguration configuration = switch (extension) {
      case "properties" -> new PropertiesConfiguration();
      case "yaml", "yml" -> new YAMLConfiguration();
      case "xml" -> quietXml();
      default -> throw new ConfigurationProblems(name, List.of("Unknown configuration file extension '"
          + extension + "': use one of ." + String.join(", .", EXTENSIONS) + "."));
    };
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationProblems(name, List.of("File '" + file + "' does not exist or is not a file."));
    }
    if (configuration instanceof XMLConfiguration && declaresADocumentType(file)) {
      throw new ConfigurationProblems(name, List.of("Cannot read '" + file + "': a document type (<!DOCTYPE ...>) is"
          + " not allowed in a configuration"));
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      new FileHandler(configuration).load(reader);
    } catch (IOException | ConfigurationException | ClassCastException e) {
      throw new ConfigurationProblems(name, List.of("Cannot read '" + file + "': " + rootMessage(e)));
    } catch (StackOverflowError e) {
      throw new ConfigurationProblems(name, List.of("Cannot read '" + file + "': it refers to itself without end"));
    }
    return configuration;
  }

  private static boolean declaresADocumentType(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("<!DOCTYPE");
    } catch (IOException e) {
      return false; // the load below reports it
    }
  }

  /** Loads properties from a class-path stream, such as an embedded default configuration. */
  public static FileBasedConfiguration loadProperties(InputStream stream, String name) {
    PropertiesConfiguration configuration = new PropertiesConfiguration();
    try (Reader reader = new java.io.InputStreamReader(stream, StandardCharsets.UTF_8)) {
      new FileHandler(configuration).load(reader);
    } catch (IOException | ConfigurationException e) {
      throw new ConfigurationProblems(name, List.of("Cannot read '" + name + "': " + rootMessage(e)));
    }
    return configuration;
  }

  /** An XML configuration whose parser reports its errors only by throwing, not also on standard error. */
  private static XMLConfiguration quietXml() {
    XMLConfiguration xml = new XMLConfiguration();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // a configuration names no other files: no document type, so no external entities
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
          // a warning is no problem of the configuration
        }

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
          throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
          throw exception;
        }
      });
      xml.setDocumentBuilder(builder);
    } catch (ParserConfigurationException e) {
      // a parser that cannot refuse document types: declaresADocumentType keeps them out before it reads
    }
    return xml;
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.nio.charset.CharacterCodingException) {
      return "it is not UTF-8 text";
    }
    if (root instanceof ClassCastException) {
      return "it is not a mapping of keys to values";
    }

    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
