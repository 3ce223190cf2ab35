package io.jenkins.plugins.bytebase.core.rollout;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Resources numbered without gaps from a first number (release iterations, plan ids): finds the highest number that
 * exists with about 2·log2(n) reads (doubling steps, then halving), and reads each number at most once.
 *
 * @param <T> the resource
 */
final class NumberedProbe<T> {

    private final LongFunction<Optional<T>> reader;
    private final Map<Long, Optional<T>> seen = new HashMap<>();

    /** @param reader reads one number; empty when it does not exist */
    NumberedProbe(LongFunction<Optional<T>> reader) {
        this.reader = reader;
    }

    Optional<T> at(long number) {
        Optional<T> known = seen.get(number);
        if (known == null) {
            known = reader.apply(number);
            seen.put(number, known);
        }
        return known;
    }

    /** The highest number that exists, or {@code first - 1} when not even {@code first} does. */
    long highest(long first) {
        if (at(first).isEmpty()) {
            return first - 1;
        }
        long found = first;
        long step = 1;
        while (at(found + step).isPresent()) {
            found += step;
            step *= 2;
        }
        long missing = found + step;
        while (missing - found > 1) {
            long middle = found + (missing - found) / 2;
            if (at(middle).isPresent()) {
                found = middle;
            } else {
                missing = middle;
            }
        }
        return found;
    }
}
