package org.lr4j.torch;

import org.lr4j.schedule.InvalidValueException;
/** Argument checks shared by the PyTorch builders; messages name the parameter, the rule and the value. */
final class TorchChecks {
    private TorchChecks() {
    }

    static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(name, "must be a finite number", String.valueOf(value));
        }
        return value;
    }

    static double unit(String name, double value, String pytorch) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidValueException(name, "must be in [0, 1] (PyTorch: " + pytorch + ")", String.valueOf(value));
        }
        return value;
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new NullPointerException(name + " must be given, got null");
        }
        return value;
    }

    static boolean hasNull(java.util.Collection<?> c) {
        return c.stream().anyMatch(java.util.Objects::isNull);
    }
}
