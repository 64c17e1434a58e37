package cn.bureau.subsidy.decision;

import java.util.Map;

/** One table row that matched: its id, its annotation and its outputs by name (values may be null). */
record Hit(String ruleId, String annotation, Map<String, Object> outputs) {

    Object output(String name) {
        return outputs.get(name);
    }
}
