package org.lr4j.python;

import java.util.List;
import java.util.Set;

/**
 * A Python function's parameters in order, for binding a call's arguments as Python does. The
 * parameter {@code optimizer} is implicit: a bare name given in its place (as pasted:
 * {@code StepLR(optimizer, 30)}) is accepted and skipped.
 *
 * @param name the function or class name
 * @param params the parameter names in order
 * @param required the parameters without a default
 * @param varKeywords whether extra keywords are accepted ({@code **kwargs})
 */
record Signature(String name, List<String> params, Set<String> required, boolean varKeywords) {
    static Signature of(String name, String params, String required) {
        return new Signature(name, List.of(params.split(",\\s*")),
                required.isEmpty() ? Set.of() : Set.of(required.split(",\\s*")), false);
    }

    Signature withVarKeywords() {
        return new Signature(name, params, required, true);
    }
}
