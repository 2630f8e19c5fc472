package dev.headroom.engine.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array that nobody else holds, so that building it costs no copy. The
 * records of this package take it as it is where they would otherwise copy a list ({@link
 * ScalingHistory}, {@link Decision}); it reads, compares and hashes like {@code List.of}. Elements
 * are never null.
 */
public final class FrozenList<E> extends AbstractList<E> implements RandomAccess {

  private final Object[] elements;

  private FrozenList(Object[] elements) {
    this.elements = elements;
  }

  /**
   * The list of {@code elements}, which the caller hands over: it must not keep or change the array
   * afterwards.
   *
   * @throws NullPointerException if an element is null
   */
  @SafeVarargs
  public static <E> List<E> own(E... elements) {
    for (Object e : elements) {
      Objects.requireNonNull(e, "element");
    }
    return new FrozenList<>(elements);
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    return (E) elements[index];
  }

  @Override
  public int size() {
    return elements.length;
  }

  /**
   * {@code list} itself when it is a {@link FrozenList} or an unmodifiable JDK list, else a copy.
   */
  static <E> List<E> copyOf(List<E> list) {
    return list instanceof FrozenList ? list : List.copyOf(list);
  }
}
