package org.dmasim.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Scopes;
import com.google.inject.TypeLiteral;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.Machine;
import org.dmasim.core.Restorable;

/**
 * Checks that a machine's injector leaves no state out of {@link Machine#checkpoint()}: every
 * singleton with a field that can change is one of the machine's restorable parts (the choice
 * source aside: it is the caller's, and each run brings its own).
 */
public final class RestorableParts {
  private RestorableParts() {}

  /**
   * Fails naming the first singleton of {@code injector} whose class lies in a package starting
   * with {@code packagePrefix}, has state and is not restorable; returns the simple names of the
   * stateful singletons found there.
   */
  public static List<String> assertStatefulSingletonsAreRestorable(Injector injector, String packagePrefix) {
    Machine machine = injector.getInstance(Machine.class);
    List<Object> parts = new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<Restorable>>() {})));
    parts.add(machine.addressSpace());
    parts.add(machine.dmaMaintenance());
    List<String> stateful = new ArrayList<>();
    for (Binding<?> binding : injector.getAllBindings().values()) {
      // The choice source is the caller's, not the machine's: each run brings its own.
      if (!Scopes.isSingleton(binding) || binding.getKey().getTypeLiteral().getRawType() == ChoiceSource.class) {
        continue;
      }
      Object instance = binding.getProvider().get();
      if (instance.getClass().getPackageName().startsWith(packagePrefix) && hasState(instance)) {
        stateful.add(instance.getClass().getSimpleName());
        assertThat(instance).as(binding.getKey() + " has state, so it must be Restorable and bound as a part")
            .isInstanceOf(Restorable.class);
        assertThat(parts.stream().anyMatch(part -> part == instance))
            .as(binding.getKey() + " has state, so its instance must be among the machine's restorable parts")
            .isTrue();
      }
    }
    return stateful;
  }

  /**
   * Whether an object has a field that can change: one not final, or a collection, map, bit set
   * or array (unless it holds an unmodifiable collection, as {@code List.copyOf} makes).
   */
  private static boolean hasState(Object instance) {
    for (Class<?> at = instance.getClass(); at != Object.class && at != Record.class; at = at.getSuperclass()) {
      for (Field field : at.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || field.isSynthetic()) {
          continue;
        }
        Class<?> fieldType = field.getType();
        boolean mutableType = Collection.class.isAssignableFrom(fieldType) || Map.class.isAssignableFrom(fieldType)
            || BitSet.class.isAssignableFrom(fieldType) || fieldType.isArray();
        if (!Modifier.isFinal(modifiers) || mutableType && !unmodifiable(field, instance)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean unmodifiable(Field field, Object instance) {
    try {
      field.setAccessible(true);
      Object value = field.get(instance);
      return value != null && value.getClass().getName().startsWith("java.util.ImmutableCollections$");
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
