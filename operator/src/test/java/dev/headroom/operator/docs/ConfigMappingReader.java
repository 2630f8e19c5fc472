package dev.headroom.operator.docs;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithJavadoc;
import com.github.javaparser.javadoc.Javadoc;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappingInterface.Property;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the settings of a {@link ConfigMapping} interface: names, kinds and defaults as SmallRye
 * Config itself sees them ({@link ConfigMappingInterface}, the metadata it builds the mapping
 * from), and each one's meaning from the Javadoc in the interface's source, parsed with JavaParser.
 * One section per interface (the mapping and each nested group), sections and settings in name
 * order.
 */
final class ConfigMappingReader {

  private static final Pattern INLINE_TAG =
      Pattern.compile("\\{@(?:code|literal|link|linkplain)\\s+([^}]*)}");

  private final Path sourceRoot;
  private final JavaParser parser =
      new JavaParser(
          new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
  private final Map<Class<?>, CompilationUnit> parsed = new HashMap<>();

  /** {@code sourceRoot}: the source folder the mapping's package lies in. */
  ConfigMappingReader(Path sourceRoot) {
    this.sourceRoot = sourceRoot;
  }

  List<ConfigSection> sections(Class<?> mapping) {
    ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
    if (annotation == null) {
      throw new IllegalArgumentException(mapping.getName() + " is not a @ConfigMapping");
    }
    List<ConfigSection> out = new ArrayList<>();
    collect(ConfigMappingInterface.getConfigurationInterface(mapping), annotation.prefix(), out);
    out.sort(Comparator.comparing(ConfigSection::prefix));
    return out;
  }

  private void collect(ConfigMappingInterface type, String prefix, List<ConfigSection> out) {
    List<ConfigSetting> settings = new ArrayList<>();
    for (Property property : type.getProperties()) {
      String name = prefix + "." + property.getPropertyName(type.getNamingStrategy());
      Property value = property.isOptional() ? property.asOptional().getNestedProperty() : property;
      if (value.isGroup()) {
        collect(value.asGroup().getGroupType(), name, out);
      } else if (value.isLeaf() || value.isPrimitive()) {
        settings.add(setting(name, property));
      } else {
        throw new IllegalArgumentException(
            name + ": only values and groups are supported, not maps or collections");
      }
    }
    settings.sort(Comparator.comparing(ConfigSetting::name));
    Class<?> interfaceType = type.getInterfaceType();
    out.add(new ConfigSection(prefix, markdown(declaration(interfaceType)), settings));
  }

  private ConfigSetting setting(String name, Property property) {
    Method method = property.getMethod();
    Optional<String> defaultValue =
        property.hasDefaultValue() ? Optional.of(property.getDefaultValue()) : Optional.empty();
    NodeWithJavadoc<?> source =
        declaration(method.getDeclaringClass()).getMethodsBySignature(method.getName()).stream()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no method " + method + " in the source"));
    return new ConfigSetting(
        name, kind(method.getGenericReturnType()), defaultValue, markdown(source));
  }

  static String kind(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      return kind(p.getActualTypeArguments()[0]);
    }
    if (type == Duration.class) {
      return "duration";
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == String.class) {
      return "string";
    }
    throw new IllegalArgumentException("no kind of value named for " + type.getTypeName());
  }

  /** The Javadoc's description (block tags left out) as one line of Markdown. */
  static String markdown(NodeWithJavadoc<?> node) {
    String text = node.getJavadoc().map(Javadoc::getDescription).map(d -> d.toText()).orElse("");
    text =
        INLINE_TAG
            .matcher(text)
            .replaceAll(m -> Matcher.quoteReplacement("`" + m.group(1).trim() + "`"));
    return text.replaceAll("</?p>", " ").replaceAll("\\s+", " ").trim().replace("|", "\\|");
  }

  private ClassOrInterfaceDeclaration declaration(Class<?> type) {
    Class<?> topLevel = type;
    while (topLevel.getEnclosingClass() != null) {
      topLevel = topLevel.getEnclosingClass();
    }
    CompilationUnit unit = parsed.computeIfAbsent(topLevel, this::parse);
    return unit.findAll(ClassOrInterfaceDeclaration.class).stream()
        .filter(d -> d.getFullyQualifiedName().orElse("").equals(type.getCanonicalName()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no " + type.getCanonicalName() + " in its source"));
  }

  private CompilationUnit parse(Class<?> topLevel) {
    Path file = sourceRoot.resolve(topLevel.getName().replace('.', '/') + ".java");
    try {
      ParseResult<CompilationUnit> result = parser.parse(Files.readString(file));
      return result
          .getResult()
          .filter(u -> result.isSuccessful())
          .orElseThrow(
              () ->
                  new IllegalStateException("cannot parse " + file + ": " + result.getProblems()));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the source of " + topLevel.getName() + " at " + file, e);
    }
  }
}
