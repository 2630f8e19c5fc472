package dev.headroom.testbed;

/**
 * The namespace that {@link TestBedExtension} created for the current test class; it is deleted
 * after the class. Ask for it as a test or constructor parameter.
 */
public record TestNamespace(String name) {

  @Override
  public String toString() {
    return name;
  }
}
