package dev.headroom.operator.api.v1alpha1;

import io.fabric8.kubernetes.client.CustomResource;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of a custom resource type's names for all its instances. Fabric8's {@link
 * CustomResource} computes its API version, kind, scope, singular, plural and CRD name anew in
 * every constructor and keeps them in fields of each instance: at 10,000 policies (two cached
 * copies of each, plus those in flight) that was 24,000 copies of each name, about 6 MiB. The
 * fields are replaced by the copies of the first instance of the type; if a Fabric8 version renames
 * them, the instances simply keep their own.
 */
final class TypeNames {

  private static final List<String> FIELDS =
      List.of("apiVersion", "kind", "scope", "singular", "plural", "crdName");
  private static final List<Field> NAME_FIELDS = nameFields();
  private static final Map<Class<?>, Object[]> FIRST = new ConcurrentHashMap<>();

  private TypeNames() {}

  static void share(CustomResource<?, ?> resource) {
    if (NAME_FIELDS.isEmpty()) {
      return;
    }
    try {
      Object[] shared = FIRST.get(resource.getClass());
      if (shared == null) {
        Object[] own = new Object[NAME_FIELDS.size()];
        for (int i = 0; i < own.length; i++) {
          own[i] = NAME_FIELDS.get(i).get(resource);
        }
        FIRST.putIfAbsent(resource.getClass(), own);
        return;
      }
      for (int i = 0; i < shared.length; i++) {
        NAME_FIELDS.get(i).set(resource, shared[i]);
      }
    } catch (IllegalAccessException e) {
      // Keep the instance's own copies.
    }
  }

  private static List<Field> nameFields() {
    try {
      Field[] fields = new Field[FIELDS.size()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = CustomResource.class.getDeclaredField(FIELDS.get(i));
        fields[i].setAccessible(true);
      }
      return List.of(fields);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return List.of();
    }
  }
}
