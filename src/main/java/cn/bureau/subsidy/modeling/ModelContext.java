package cn.bureau.subsidy.modeling;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.decision.DecisionKeys;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramRepository;

/**
 * What the running application adds to the model checks: the groups that exist in the engine's identity store, and
 * the decisions every program uses (its own or the 2026 guide's defaults), which a new set of models must keep.
 */
@Component
class ModelContext {

    private final IdentityService identityService;
    private final ProgramRepository programs;

    ModelContext(IdentityService identityService, ProgramRepository programs) {
        this.identityService = identityService;
        this.programs = programs;
    }

    @Transactional(readOnly = true)
    ModelChecks.Context current() {
        Set<String> groups = identityService.createGroupQuery().list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        Map<String, String> inUse = new TreeMap<>();
        DecisionKeys.DEFAULTS.asMap().forEach((role, key) -> inUse.put(key, "every program by default (" + role
                + ")"));
        for (Program program : programs.findAll()) {
            program.getDecisions().forEach((role, key) -> inUse.merge(key,
                    "program " + program.getCode() + " (" + role + ")", (a, b) -> a + ", " + b));
        }
        return new ModelChecks.Context(groups, inUse);
    }
}
