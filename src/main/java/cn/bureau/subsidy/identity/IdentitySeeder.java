package cn.bureau.subsidy.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the contract's groups and what each may see in Tasklist and Cockpit on every start (idempotently), and on
 * the embedded default the demo users. Task-level rights come from candidate groups: Camunda grants them per task.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IdentitySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);
    static final String DEMO_PASSWORD = "demo";
    /** The diagrams' process keys, as authorization resource ids. */
    private static final String CASE_PROCESS = "SubsidyCase";
    private static final String PROGRAM_PROCESS = "SubsidyProgram";

    private static final Map<String, String> GROUP_NAMES = Map.of(
            Groups.PROGRAM_MANAGERS, "Program managers (市商务局 项目管理)",
            Groups.APPLICANTS, "Applicants (申报单位)",
            Groups.INITIAL_REVIEWERS, "Initial reviewers (初审)",
            Groups.AUDITORS, "Auditors (专项审计)",
            Groups.APPROVERS, "Approvers (审批)",
            Groups.SUPERVISORS, "Supervisors (监督)");

    /** Demo users: id, group, USCC for applicants (empty for staff), further groups. */
    private static final List<List<String>> DEMO_USERS = List.of(
            List.of("manager", Groups.PROGRAM_MANAGERS),
            List.of("reviewer", Groups.INITIAL_REVIEWERS),
            List.of("auditor", Groups.AUDITORS),
            List.of("approver", Groups.APPROVERS),
            // A second approver: whoever issues the funding plan may not also authorise its payments.
            List.of("approver2", Groups.APPROVERS),
            List.of("supervisor", Groups.SUPERVISORS),
            List.of("admin", Groups.CAMUNDA_ADMIN),
            // Leads: members of their work group and of its "-leads" group; overdue work escalates to them.
            List.of("reviewer-lead", Groups.INITIAL_REVIEWERS, "", Groups.leadsOf(Groups.INITIAL_REVIEWERS)),
            List.of("auditor-lead", Groups.AUDITORS, "", Groups.leadsOf(Groups.AUDITORS)),
            List.of("applicant", Groups.APPLICANTS, "91440300MA5F000181"),
            List.of("applicant2", Groups.APPLICANTS, "91440300MA5F00026U"));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ApplicantBindingRepository bindings;
    private final DemoProperties demo;
    private final AdminProperties admin;

    IdentitySeeder(IdentityService identityService, AuthorizationService authorizationService,
            ApplicantBindingRepository bindings, DemoProperties demo, AdminProperties admin) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.bindings = bindings;
        this.demo = demo;
        this.admin = admin;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        GROUP_NAMES.forEach(this::ensureGroup);
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators");
        Groups.LED_GROUPS.forEach(group -> ensureGroup(Groups.leadsOf(group), "Leads of " + group));
        grantStaffRights();
        if (demo.enabled()) {
            DEMO_USERS.forEach(this::ensureDemoUser);
            log.warn("Demo users with password '{}' exist: this is the embedded demo set-up, not for production",
                    DEMO_PASSWORD);
        } else {
            ensureAdministrator();
        }
    }

    /** Production: one administrator with a real password; demo users and default passwords are refused. */
    private void ensureAdministrator() {
        if (admin == null || admin.user() == null || admin.password() == null
                || admin.password().length() < AdminProperties.MIN_PASSWORD_LENGTH
                || admin.password().equalsIgnoreCase(DEMO_PASSWORD)) {
            throw new IllegalStateException("Set SUBSIDY_ADMIN_PASSWORD (subsidy.admin.password) to a password of at "
                    + "least " + AdminProperties.MIN_PASSWORD_LENGTH + " characters before starting in production");
        }
        List<String> demoUsers = DEMO_USERS.stream().map(spec -> spec.get(0)).filter(id -> !id.equals(admin.user()))
                .toList();
        if (identityService.createUserQuery().userIdIn(demoUsers.toArray(String[]::new)).count() > 0) {
            throw new IllegalStateException("Demo users exist in this database; remove them before running in "
                    + "production");
        }
        if (identityService.createUserQuery().userId(admin.user()).count() == 0) {
            User user = identityService.newUser(admin.user());
            user.setFirstName("Administrator");
            user.setLastName(admin.user());
            user.setPassword(admin.password());
            identityService.saveUser(user);
            identityService.createMembership(admin.user(), Groups.CAMUNDA_ADMIN);
        }
    }

    private void grantStaffRights() {
        for (String group : List.of(Groups.PROGRAM_MANAGERS, Groups.INITIAL_REVIEWERS, Groups.AUDITORS,
                Groups.APPROVERS, Groups.SUPERVISORS)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, "*", Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        }
        // Supervisors and program managers follow every case in Cockpit; supervisors read every task but work none.
        for (String group : List.of(Groups.SUPERVISORS, Groups.PROGRAM_MANAGERS)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
                    Permissions.READ_HISTORY);
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
            grant(group, Resources.TASK, "*", Permissions.READ);
        }
        // What the application does in the engine on a caller's behalf (EngineCaller): applicants file and act on
        // their cases, program managers publish programs, staff register objections during the notice.
        grant(Groups.APPLICANTS, Resources.PROCESS_DEFINITION, CASE_PROCESS, Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
        grant(Groups.PROGRAM_MANAGERS, Resources.PROCESS_DEFINITION, PROGRAM_PROCESS, Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
        grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, PROGRAM_PROCESS, Permissions.READ,
                ProcessDefinitionPermissions.UPDATE_INSTANCE);
        for (String group : List.of(Groups.APPLICANTS, Groups.PROGRAM_MANAGERS)) {
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
        }
    }

    /** Grants the permissions, adding them to the group's existing authorization on that resource if there is one. */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).list().stream()
                .filter(existing -> existing.getAuthorizationType() == AUTH_TYPE_GRANT)
                .findFirst()
                .orElseGet(() -> {
                    Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                    created.setGroupId(group);
                    created.setResource(resource);
                    created.setResourceId(resourceId);
                    return created;
                });
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(id.equals(Groups.APPLICANTS) ? "EXTERNAL" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void ensureDemoUser(List<String> spec) {
        String id = spec.get(0);
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("(demo)");
            user.setEmail(id + "@demo.invalid");
            user.setPassword(DEMO_PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(id, spec.get(1));
            for (String extraGroup : spec.subList(Math.min(3, spec.size()), spec.size())) {
                identityService.createMembership(id, extraGroup);
            }
        }
        if (spec.size() > 2 && !spec.get(2).isEmpty() && !bindings.existsById(id)) {
            bindings.save(new ApplicantBinding(id, spec.get(2)));
        }
    }
}
