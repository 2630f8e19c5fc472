package dev.headroom.testbed.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of test-support's programs (load exporter, connection emulator) as a process of its own: the
 * {@code java} and class path of this JVM.
 */
public record JavaProgram(Path java, String classPath) {

  /** This JVM's java and class path (a manifest-only booter jar opened, see EmulatorClassPath). */
  public static JavaProgram ofThisJvm() {
    return new JavaProgram(
        Path.of(System.getProperty("java.home"), "bin", "java"),
        dev.headroom.testbed.connections.EmulatorClassPath.of(
            System.getProperty("java.class.path")));
  }

  public List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
    List<String> c = new ArrayList<>();
    c.add(java.toString());
    c.addAll(jvmOptions);
    c.add("-cp");
    c.add(classPath);
    c.add(mainClass);
    c.addAll(args);
    return List.copyOf(c);
  }
}
