package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A finding's evidence: names with their values, sorted by name, immutable. Kept in two arrays
 * rather than a tree: a finding has a handful of items, and a batch builds and writes millions.
 * Equal to any map with the same items (the {@link Map} contract); values may be {@code null}.
 */
final class Evidence extends AbstractMap<String, Object> {

    private final String[] names;
    private final Object[] values;

    private Evidence(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** A sorted, immutable copy of {@code evidence}, or {@code evidence} itself when it is one. */
    static Map<String, Object> copyOf(Map<String, ?> evidence) {
        if (evidence instanceof Evidence immutable) {
            return immutable;
        }
        String[] names = new String[evidence.size()];
        Object[] values = new Object[names.length];
        int i = 0;
        for (Map.Entry<String, ?> item : evidence.entrySet()) {
            names[i] = item.getKey();
            values[i++] = item.getValue();
        }
        return of(names, values);
    }

    /**
     * Evidence from names and the values at the same positions, sorted by name; a name given twice
     * keeps its last value. The arrays are read, not kept.
     */
    static Evidence of(String[] names, Object[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " evidence names for " + values.length + " values");
        }
        String[] sortedNames = new String[names.length];
        Object[] sortedValues = new Object[names.length];
        int size = 0;
        for (int i = 0; i < names.length; i++) {
            String name = requireNonNull(names[i], "evidence name");
            // Insertion sort: fastest for a handful of items, and already sorted input costs one pass.
            int at = size;
            while (at > 0 && sortedNames[at - 1].compareTo(name) > 0) {
                at--;
            }
            if (at > 0 && sortedNames[at - 1].equals(name)) {
                sortedValues[at - 1] = values[i];
                continue;
            }
            System.arraycopy(sortedNames, at, sortedNames, at + 1, size - at);
            System.arraycopy(sortedValues, at, sortedValues, at + 1, size - at);
            sortedNames[at] = name;
            sortedValues[at] = values[i];
            size++;
        }
        return size == names.length ? new Evidence(sortedNames, sortedValues)
                : new Evidence(Arrays.copyOf(sortedNames, size), Arrays.copyOf(sortedValues, size));
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public Object get(Object name) {
        int at = indexOf(name);
        return at >= 0 ? values[at] : null;
    }

    /** Each item in name order, without the entries {@link #entrySet} makes. */
    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    private int indexOf(Object name) {
        return name instanceof String ? Arrays.binarySearch(names, name) : -1;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return names.length;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Object> item = new SimpleImmutableEntry<>(names[next], values[next]);
                        next++;
                        return item;
                    }
                };
            }
        };
    }
}
