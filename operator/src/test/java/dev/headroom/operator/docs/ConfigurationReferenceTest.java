package dev.headroom.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.config.HeadroomConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is exactly what {@link ConfigurationReference} writes from the
 * operator's config mapping and {@code application.properties}: a setting added to, renamed in or
 * removed from {@link HeadroomConfig} fails here until the reference is regenerated. With {@code
 * -Dheadroom.docs.write=true} the test writes the reference instead (see {@link
 * ConfigurationReference#REGENERATE}).
 */
class ConfigurationReferenceTest {

  static final Path ROOT = CrdSchema.repoRoot();
  static final Path REFERENCE = ROOT.resolve("docs/configuration.md");
  static final Path SOURCES = ROOT.resolve("operator/src/main/java");
  static final Path APPLICATION_PROPERTIES =
      ROOT.resolve("operator/src/main/resources/application.properties");

  /** Every config mapping of the operator; a new one is added here and so to the reference. */
  static final List<Class<?>> MAPPINGS = List.of(HeadroomConfig.class);

  /** A name of the form {@code headroom.a.b-c}, not inside a package or host name. */
  static final Pattern SETTING_NAME =
      Pattern.compile("(?<![\\w./-])headroom\\.[a-z][a-z0-9.-]*[a-z0-9](?![\\w/])");

  static ConfigurationReference reference;
  static List<ConfigSection> sections;
  static String checkedIn;

  @BeforeAll
  static void generate() throws IOException {
    ConfigMappingReader reader = new ConfigMappingReader(SOURCES);
    sections = MAPPINGS.stream().flatMap(m -> reader.sections(m).stream()).toList();
    reference = new ConfigurationReference(sections, headroomEntries(APPLICATION_PROPERTIES));
    if (Boolean.getBoolean("headroom.docs.write")) {
      Files.writeString(REFERENCE, reference.markdown());
    }
    checkedIn = Files.exists(REFERENCE) ? Files.readString(REFERENCE) : "";
  }

  @Test
  void everySettingInCodeIsInTheReference() {
    List<String> documented = ConfigurationReference.documentedNames(checkedIn);

    assertThat(names())
        .as(
            "settings of the config mapping missing from docs/configuration.md; run %s",
            ConfigurationReference.REGENERATE)
        .isNotEmpty()
        .isSubsetOf(documented);
  }

  @Test
  void everySettingInTheReferenceIsInCode() {
    assertThat(ConfigurationReference.documentedNames(checkedIn))
        .as(
            "settings in docs/configuration.md that the code no longer has; run %s",
            ConfigurationReference.REGENERATE)
        .isSubsetOf(names());
  }

  @Test
  void theReferenceIsExactlyWhatTheCodeGenerates() {
    assertThat(checkedIn)
        .as(
            "docs/configuration.md differs from the code (a default, a meaning or a kind); run %s",
            ConfigurationReference.REGENERATE)
        .isEqualTo(reference.markdown());
  }

  @Test
  void everySettingHasAMeaning() {
    assertThat(reference.settings())
        .filteredOn(s -> s.meaning().isEmpty())
        .extracting(ConfigSetting::name)
        .as("settings without Javadoc in the config mapping")
        .isEmpty();
  }

  @Test
  void applicationPropertiesSetsOnlySettingsThatExist() throws IOException {
    assertThat(headroomEntries(APPLICATION_PROPERTIES).keySet())
        .as("headroom.* entries of application.properties that no config mapping reads")
        .isSubsetOf(names());
  }

  @Test
  void everyConfigMappingOfTheOperatorIsInTheReference() throws IOException {
    Set<String> declared = new TreeSet<>();
    List<String> configProperties = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        if (source.contains("@ConfigMapping(")) {
          declared.add(className(file));
        }
        if (source.contains("@ConfigProperty(")) {
          configProperties.add(className(file));
        }
      }
    }

    assertThat(declared)
        .as("@ConfigMapping interfaces of the operator; list each in MAPPINGS")
        .containsExactlyInAnyOrderElementsOf(MAPPINGS.stream().map(Class::getName).toList());
    assertThat(configProperties)
        .as(
            "classes reading settings with @ConfigProperty, which the reference cannot list;"
                + " read them through a @ConfigMapping")
        .isEmpty();
  }

  @Test
  void everySettingNamedInTheOperatorExists() throws IOException {
    Set<String> known = new TreeSet<>(names());
    sections.forEach(s -> known.add(s.prefix()));
    Map<String, String> unknown = new TreeMap<>();
    try (Stream<Path> files =
        Stream.concat(Files.walk(SOURCES), Stream.of(APPLICATION_PROPERTIES))) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".properties"))
              .toList()) {
        Matcher m = SETTING_NAME.matcher(Files.readString(file));
        while (m.find()) {
          String name = m.group();
          if (!known.contains(name) && !name.startsWith("headroom.dev")) {
            unknown.put(name, ROOT.relativize(file).toString());
          }
        }
      }
    }

    assertThat(unknown)
        .as("setting names in messages, comments or properties that no config mapping has")
        .isEmpty();
  }

  static List<String> names() {
    return reference.settings().stream().map(ConfigSetting::name).toList();
  }

  static String className(Path file) {
    String relative = SOURCES.relativize(file).toString();
    return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
  }

  /** The {@code headroom.*} entries of the default profile ({@code %profile.} keys left out). */
  static Map<String, String> headroomEntries(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties.stringPropertyNames().stream()
        .filter(k -> k.startsWith("headroom."))
        .collect(Collectors.toMap(k -> k, properties::getProperty, (a, b) -> a, TreeMap::new));
  }
}
