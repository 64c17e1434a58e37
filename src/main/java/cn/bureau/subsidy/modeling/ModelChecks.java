package cn.bureau.subsidy.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules a process owner's models must keep before they are rolled out, checked on the files themselves (no
 * engine needed): each finding names the file, the element and the fix. {@code mvn verify} runs them on the shipped
 * folders ({@code ModelChecksTest}); {@code /api/models/checks} runs them on the folders or on files about to replace
 * them, with the groups and the programs' decisions of the running application.
 *
 * <ul>
 * <li>{@value #CANDIDATE_GROUP}: every user task offers itself to candidate groups, each of which exists.</li>
 * <li>{@value #DUE_DATE}: every user task has a due date, an expression (the program's service levels or one of its
 * dates), never a literal instant without an offset.</li>
 * <li>{@value #USER_TASK_FORM}: every user task names a Camunda Form with {@code camunda:formRef}, bound to the same
 * deployment, that exists in {@code forms/}.</li>
 * <li>{@value #FORM_FIELDS}: the variables a gateway right after a user task reads are fields of the task's form,
 * and a value the condition compares with is one of the field's options.</li>
 * <li>{@value #NO_SCRIPTS}: no script tasks, script listeners, script input/output or script conditions.</li>
 * <li>{@value #TIMER_DATE}: a timer's date comes from the program or the calendar (an expression), never a literal
 * instant without an offset; a literal instant with an offset is a warning.</li>
 * <li>{@value #DMN_INPUT_TYPE}: every DMN input expression has a type.</li>
 * <li>{@value #HISTORY_TTL}: every executable process and every decision has a history time to live.</li>
 * <li>{@value #ID_UNIQUE} and {@value #ID_READABLE}: ids are unique (within a file; process, decision and form ids
 * across files) and say what the element is ({@code UserTask_LegalReview}, not Modeler's {@code Activity_0x1y2z3}).</li>
 * <li>{@value #DECISION_REF}: every decision a business rule task names exists in {@code decisions/}.</li>
 * <li>{@value #PROGRAM_DECISION}: every decision a program names (or the 2026 guide's defaults) still exists.</li>
 * </ul>
 */
@Component
public class ModelChecks {

    public static final String UNREADABLE = "UNREADABLE_MODEL";
    public static final String CANDIDATE_GROUP = "USER_TASK_CANDIDATE_GROUP";
    public static final String DUE_DATE = "USER_TASK_DUE_DATE";
    public static final String USER_TASK_FORM = "USER_TASK_FORM";
    public static final String FORM_FIELDS = "FORM_FIELDS";
    public static final String NO_SCRIPTS = "NO_SCRIPTS";
    public static final String TIMER_DATE = "TIMER_DATE";
    public static final String DMN_INPUT_TYPE = "DMN_INPUT_TYPE";
    public static final String HISTORY_TTL = "HISTORY_TIME_TO_LIVE";
    public static final String ID_UNIQUE = "ID_UNIQUE";
    public static final String ID_READABLE = "ID_READABLE";
    public static final String DECISION_REF = "DECISION_REF";
    public static final String PROGRAM_DECISION = "PROGRAM_DECISION";

    /**
     * Words in capitals, a type prefix and an underscore for elements: {@code SubsidyCase},
     * {@code UserTask_LegalReview}, {@code Rule_Rate_LoanInterest}.
     */
    private static final Pattern READABLE_ID = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*");
    /** What Camunda Modeler generates: {@code Activity_0x1y2z3}, {@code Flow_1abcd2e}, {@code Gateway_0k9j8h7}. */
    private static final Pattern GENERATED_ID = Pattern.compile(".*_[0-9][a-z0-9]{6}(_di)?");
    private static final Pattern FORM_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{.*}", Pattern.DOTALL);
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)\\b(?!\\s*[.(])");
    private static final Pattern COMPARISON = Pattern.compile(
            "(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*'([^']*)'");
    private static final Set<String> EL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "empty", "true", "false", "null", "div", "mod", "instanceof");
    private static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DMN_DI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

    private final ObjectMapper json = new ObjectMapper();

    /**
     * What the checks compare the models with.
     *
     * @param groups          the candidate groups that exist
     * @param decisionsInUse decision key to who uses it ("program SZ-2026-OFI (supportRates)"), keys that must stay
     */
    public record Context(Set<String> groups, Map<String, String> decisionsInUse) {

        public Context {
            groups = Set.copyOf(groups);
            decisionsInUse = Map.copyOf(decisionsInUse);
        }
    }

    /** Checks a whole set of models, keyed by folder-relative name ({@code processes/case.bpmn}). */
    public List<Finding> check(Map<String, byte[]> models, Context context) {
        Map<String, byte[]> sorted = new TreeMap<>(models);
        List<Finding> findings = new ArrayList<>();
        Map<String, Form> forms = new LinkedHashMap<>();
        Map<String, String> decisionFiles = new LinkedHashMap<>();
        Map<String, String> processFiles = new HashMap<>();

        sorted.forEach((name, bytes) -> {
            if (name.endsWith(".form")) {
                readForm(name, bytes, findings).ifPresent(form -> {
                    Form earlier = forms.putIfAbsent(form.id(), form);
                    if (earlier != null) {
                        findings.add(Finding.error(ID_UNIQUE, name, form.id(), "Form id " + form.id()
                                + " is also the id of " + earlier.file() + "; a formRef would be ambiguous.",
                                "Give each form its own id (Modeler: Form properties, Id) and its file that name."));
                    }
                });
            }
        });
        sorted.forEach((name, bytes) -> {
            if (name.endsWith(".dmn")) {
                checkDmn(name, bytes, decisionFiles, findings);
            }
        });
        sorted.forEach((name, bytes) -> {
            if (name.endsWith(".bpmn")) {
                checkBpmn(name, bytes, context, forms, decisionFiles, processFiles, findings);
            }
        });
        context.decisionsInUse().forEach((key, usedBy) -> {
            if (!decisionFiles.containsKey(key)) {
                findings.add(Finding.error(PROGRAM_DECISION, "decisions/", key, "Decision " + key
                        + " is used by " + usedBy + " but no file in decisions/ defines it; its cases could not be"
                        + " quoted or checked.", "Keep a decision with id " + key + " in decisions/, or change the"
                        + " program to another decision before removing it."));
            }
        });
        return List.copyOf(findings);
    }

    // ------------------------------------------------------------------------------------------------- BPMN

    private void checkBpmn(String file, byte[] bytes, Context context, Map<String, Form> forms,
            Map<String, String> decisionFiles, Map<String, String> processFiles, List<Finding> findings) {
        if (!checkIds(file, bytes, Set.of(BPMN_DI, DC, DI), findings)) {
            return;
        }
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            findings.add(Finding.error(UNREADABLE, file, file, "Not a BPMN 2.0 file Camunda can read: "
                    + firstLine(e), "Open and save the file in Camunda Modeler (Camunda Platform 7.24)."));
            return;
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            String earlier = processFiles.putIfAbsent(process.getId(), file);
            if (earlier != null) {
                findings.add(Finding.error(ID_UNIQUE, file, process.getId(), "Process id " + process.getId()
                        + " is also defined in " + earlier + "; one of them would replace the other.",
                        "Give the process its own id (Modeler: Process properties, ID)."));
            }
            if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
                findings.add(Finding.error(HISTORY_TTL, file, process.getId(), "Process " + process.getId()
                        + " has no history time to live; the engine refuses it.",
                        "Modeler: Process properties, History cleanup, Time to live: P3650D."));
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            checkUserTask(file, task, context, forms, findings);
        }
        for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
            findings.add(Finding.error(NO_SCRIPTS, file, task.getId(), "Script task " + task.getId()
                    + " runs code that no test covers.", "Replace it with a business rule task (a DMN table) or"
                    + " a service task that calls tested Java."));
        }
        for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
            String owner = owningId(script);
            findings.add(Finding.error(NO_SCRIPTS, file, owner, "Element " + owner + " has a "
                    + script.getCamundaScriptFormat() + " script (listener or input/output mapping).",
                    "Remove the script; use an expression, a DMN table or a delegate of tested Java."));
        }
        for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
            String language = condition.getLanguage();
            if (!blank(language)) {
                String owner = owningId(condition);
                findings.add(Finding.error(NO_SCRIPTS, file, owner, "The condition of " + owner + " is a "
                        + language + " script.", "Write the condition as an expression, e.g. ${decision == 'ACCEPT'},"
                        + " and leave its format empty."));
            }
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            checkTimer(file, timer, findings);
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            String ref = task.getCamundaDecisionRef();
            if (blank(ref) && blank(task.getCamundaClass()) && blank(task.getCamundaDelegateExpression())
                    && blank(task.getCamundaExpression())) {
                findings.add(Finding.error(DECISION_REF, file, task.getId(), "Business rule task " + task.getId()
                        + " names no decision.", "Modeler: Implementation DMN, Decision reference: the id of a"
                        + " decision in decisions/."));
            } else if (!blank(ref) && !EXPRESSION.matcher(ref.strip()).matches()
                    && !decisionFiles.containsKey(ref.strip())) {
                findings.add(Finding.error(DECISION_REF, file, task.getId(), "Business rule task " + task.getId()
                        + " evaluates decision " + ref + ", which no file in decisions/ defines.",
                        "Correct the decision reference, or add a decision with id " + ref + " to decisions/."));
            }
        }
    }

    private void checkUserTask(String file, UserTask task, Context context, Map<String, Form> forms,
            List<Finding> findings) {
        String id = task.getId();
        List<String> groups = task.getCamundaCandidateGroupsList();
        if (groups == null || groups.isEmpty()) {
            findings.add(Finding.error(CANDIDATE_GROUP, file, id, "User task " + id + " has no candidate group,"
                    + " so nobody sees it in Tasklist.", "Modeler: User assignment, Candidate groups: one of "
                    + String.join(", ", new java.util.TreeSet<>(context.groups())) + "."));
        } else {
            for (String group : groups) {
                if (!context.groups().contains(group.strip())) {
                    findings.add(Finding.error(CANDIDATE_GROUP, file, id, "User task " + id + " is offered to group "
                            + group + ", which does not exist.", "Use one of "
                            + String.join(", ", new java.util.TreeSet<>(context.groups()))
                            + ", or create the group first (Camunda Admin)."));
                }
            }
        }
        String due = task.getCamundaDueDate();
        if (blank(due)) {
            findings.add(Finding.error(DUE_DATE, file, id, "User task " + id + " has no due date, so no"
                    + " supervisor sees it go overdue.", "Modeler: Task properties, Due date:"
                    + " ${deadlines.due(programCode, 'INITIAL_REVIEW')} (working days from the program's service"
                    + " levels) or a date variable of the program."));
        } else {
            literalInstant(file, id, "due date", due, DUE_DATE, findings);
        }
        String formRef = task.getCamundaFormRef();
        if (blank(formRef)) {
            findings.add(Finding.error(USER_TASK_FORM, file, id, "User task " + id + " names no Camunda Form"
                    + (blank(task.getCamundaFormKey()) ? "" : " (it has a form key, which Tasklist cannot render"
                            + " from forms/)") + ".", "Modeler: Forms, Type Camunda Forms (linked), Form ID: the id"
                    + " of a form in forms/, Binding: deployment."));
            return;
        }
        if (!"deployment".equals(task.getCamundaFormRefBinding())) {
            findings.add(Finding.error(USER_TASK_FORM, file, id, "User task " + id + " binds its form '"
                    + formRef + "' as " + (task.getCamundaFormRefBinding() == null ? "latest"
                            : task.getCamundaFormRefBinding()) + ", so a running case could open a newer form than"
                    + " its diagram expects.", "Modeler: Forms, Binding: deployment."));
        }
        Form form = forms.get(formRef.strip());
        if (form == null) {
            findings.add(Finding.error(USER_TASK_FORM, file, id, "User task " + id + " names form '" + formRef
                    + "', which is not in forms/.", "Create forms/" + formRef + ".form with id '" + formRef
                    + "' in Camunda Modeler, or name an existing form."));
            return;
        }
        checkFormFields(file, task, form, findings);
    }

    /** The gateway right after a task decides on what the task's form asked: its fields, with their options. */
    private static void checkFormFields(String file, UserTask task, Form form, List<Finding> findings) {
        for (SequenceFlow out : task.getOutgoing()) {
            List<SequenceFlow> conditional = new ArrayList<>();
            String reader = out.getId();
            if (out.getConditionExpression() != null) {
                conditional.add(out);
            }
            if (out.getTarget() instanceof Gateway gateway) {
                reader = gateway.getId();
                gateway.getOutgoing().stream().filter(flow -> flow.getConditionExpression() != null)
                        .forEach(conditional::add);
            }
            for (SequenceFlow flow : conditional) {
                String condition = flow.getConditionExpression().getTextContent();
                for (String variable : variablesRead(condition)) {
                    if (!form.fields().containsKey(variable)) {
                        findings.add(Finding.error(FORM_FIELDS, file, task.getId(), reader + " after " + task.getId()
                                + " reads '" + variable + "' (" + flow.getId() + ": " + condition.strip() + "), which"
                                + " form '" + form.id() + "' does not ask for.", "Add a field with key '" + variable
                                + "' to " + form.file() + ", or decide on a field the form has."));
                    }
                }
                Matcher comparison = COMPARISON.matcher(condition);
                while (comparison.find()) {
                    Set<String> options = form.fields().get(comparison.group(1));
                    if (options != null && !options.isEmpty() && !options.contains(comparison.group(2))) {
                        findings.add(Finding.error(FORM_FIELDS, file, task.getId(), flow.getId() + " after "
                                + task.getId() + " compares '" + comparison.group(1) + "' with '"
                                + comparison.group(2) + "', which field '" + comparison.group(1) + "' of form '"
                                + form.id() + "' never gives (options: " + String.join(", ", options) + ")."
                                , "Add the option '" + comparison.group(2) + "' to the field in " + form.file()
                                + ", or compare with one of its options."));
                    }
                }
            }
        }
    }

    static Set<String> variablesRead(String condition) {
        Set<String> variables = new LinkedHashSet<>();
        String code = STRING_LITERAL.matcher(condition).replaceAll(" ");
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (!EL_WORDS.contains(name)) {
                variables.add(name);
            }
        }
        return variables;
    }

    private static void checkTimer(String file, TimerEventDefinition timer, List<Finding> findings) {
        String owner = owningId(timer);
        if (timer.getTimeDate() != null) {
            String date = timer.getTimeDate().getTextContent();
            if (blank(date)) {
                findings.add(Finding.error(TIMER_DATE, file, owner, "Timer " + owner + " has an empty date.",
                        "Modeler: Timer, Type Date, Value: an expression of the program such as ${filingClosesAt}"
                                + " or ${deadlines.due(programCode, 'CORRECTION')}."));
            } else {
                literalInstant(file, owner, "timer date", date, TIMER_DATE, findings);
            }
        }
        if (timer.getTimeCycle() != null) {
            String cycle = timer.getTimeCycle().getTextContent();
            if (!blank(cycle) && !EXPRESSION.matcher(cycle.strip()).matches()) {
                for (String part : cycle.strip().split("/")) {
                    if (part.matches("\\d{4}-.*")) {
                        literalInstant(file, owner, "timer cycle start", part, TIMER_DATE, findings);
                    }
                }
            }
        }
    }

    /** An instant written into a diagram: an error without an offset, a warning with one. */
    private static void literalInstant(String file, String element, String what, String value, String rule,
            List<Finding> findings) {
        String text = value.strip();
        if (EXPRESSION.matcher(text).matches()) {
            return;
        }
        String fix = "Use an expression of the program or the calendar: ${deadlines.due(programCode, 'CORRECTION')},"
                + " ${filingClosesAt}, ${materialsCloseAt}.";
        try {
            OffsetDateTime.parse(text);
            findings.add(Finding.warning(rule, file, element, "The " + what + " of " + element + " is the fixed"
                    + " instant " + text + ": every program and every case gets the same one.", fix));
        } catch (DateTimeParseException noOffset) {
            findings.add(Finding.error(rule, file, element, "The " + what + " of " + element + " is '" + text
                    + "', a literal without an offset: the engine reads it in the server's time zone, not"
                    + " Shenzhen's.", fix));
        }
    }

    // ------------------------------------------------------------------------------------------------- DMN

    private void checkDmn(String file, byte[] bytes, Map<String, String> decisionFiles, List<Finding> findings) {
        if (!checkIds(file, bytes, Set.of(DMN_DI, "http://www.omg.org/spec/DMN/20180521/DC/",
                "http://www.omg.org/spec/DMN/20180521/DI/"), findings)) {
            return;
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            findings.add(Finding.error(UNREADABLE, file, file, "Not a DMN 1.3 file Camunda can read: "
                    + firstLine(e), "Open and save the file in Camunda Modeler (Camunda Platform 7.24)."));
            return;
        }
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            String earlier = decisionFiles.putIfAbsent(decision.getId(), file);
            if (earlier != null) {
                findings.add(Finding.error(ID_UNIQUE, file, decision.getId(), "Decision id " + decision.getId()
                        + " is also defined in " + earlier + "; one would replace the other.",
                        "Give the decision its own id (Modeler: decision properties, ID)."));
            }
            if (blank(decision.getCamundaHistoryTimeToLiveString())) {
                findings.add(Finding.error(HISTORY_TTL, file, decision.getId(), "Decision " + decision.getId()
                        + " has no history time to live; the engine refuses it.",
                        "Modeler: decision properties, History cleanup, Time to live: P3650D."));
            }
        }
        for (Input input : model.getModelElementsByType(Input.class)) {
            if (input.getInputExpression() == null || blank(input.getInputExpression().getTypeRef())) {
                findings.add(Finding.error(DMN_INPUT_TYPE, file, input.getId(), "Input '" + input.getLabel()
                        + "' (" + input.getId() + ") has no type, so a number or a date is compared as whatever"
                        + " arrives.", "Modeler: click the input's header, Type: string, boolean, integer, double"
                        + " or date."));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- forms

    private record Form(String id, String file, Map<String, Set<String>> fields) {
    }

    private java.util.Optional<Form> readForm(String file, byte[] bytes, List<Finding> findings) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (IOException e) {
            findings.add(Finding.error(UNREADABLE, file, file, "Not a Camunda Form (JSON): " + firstLine(e),
                    "Open and save the form in Camunda Modeler."));
            return java.util.Optional.empty();
        }
        String id = root.path("id").asText("");
        String expected = file.substring(file.lastIndexOf('/') + 1, file.length() - ".form".length());
        if (id.isBlank()) {
            findings.add(Finding.error(USER_TASK_FORM, file, file, "The form has no id, so no task can name it.",
                    "Modeler: Form properties, Id: " + expected + "."));
            return java.util.Optional.empty();
        }
        if (!id.equals(expected)) {
            findings.add(Finding.error(USER_TASK_FORM, file, id, "Form id '" + id + "' differs from its file name:"
                    + " a formRef names the id, a reader looks for the file.", "Rename the file to " + id
                    + ".form or set the form's id to '" + expected + "'."));
        }
        if (!FORM_ID.matcher(id).matches()) {
            findings.add(Finding.error(ID_READABLE, file, id, "Form id '" + id + "' is not a plain name.",
                    "Use small letters, digits and hyphens, e.g. legal-review."));
        }
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        Set<String> componentIds = new LinkedHashSet<>();
        collectFields(file, root.path("components"), fields, componentIds, findings);
        return java.util.Optional.of(new Form(id, file, fields));
    }

    private static void collectFields(String file, JsonNode components, Map<String, Set<String>> fields,
            Set<String> componentIds, List<Finding> findings) {
        for (JsonNode component : components) {
            String id = component.path("id").asText("");
            if (!id.isEmpty()) {
                if (!componentIds.add(id)) {
                    findings.add(Finding.error(ID_UNIQUE, file, id, "Two components of the form have id " + id
                            + ".", "Give each component its own id (Modeler: component properties, ID)."));
                }
                readable(file, id, findings);
            }
            if (component.hasNonNull("key")) {
                Set<String> options = new LinkedHashSet<>();
                for (JsonNode value : component.path("values")) {
                    options.add(value.path("value").asText());
                }
                fields.put(component.get("key").asText(), options);
            }
            collectFields(file, component.path("components"), fields, componentIds, findings);
        }
    }

    // ------------------------------------------------------------------------------------------------- ids

    /**
     * Every id in the file, read without the schema (which would stop at the first duplicate): unique within the
     * file and readable. False when the file is not even well-formed XML.
     */
    private static boolean checkIds(String file, byte[] bytes, Set<String> diagramNamespaces,
            List<Finding> findings) {
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            findings.add(Finding.error(UNREADABLE, file, file, "Not well-formed XML: " + firstLine(e),
                    "Open and save the file in Camunda Modeler."));
            return false;
        }
        Map<String, Integer> seen = new HashMap<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String id = element.getAttribute("id");
            if (id.isEmpty()) {
                continue;
            }
            if (seen.merge(id, 1, Integer::sum) == 2) {
                findings.add(Finding.error(ID_UNIQUE, file, id, "Id " + id + " is used by more than one element;"
                        + " the engine refuses the file.", "Give each element its own id (Modeler: element"
                        + " properties, ID)."));
            }
            if (!diagramNamespaces.contains(element.getNamespaceURI())) {
                readable(file, id, findings);
            }
        }
        return seen.values().stream().noneMatch(count -> count > 1);
    }

    private static void readable(String file, String id, List<Finding> findings) {
        if (!READABLE_ID.matcher(id).matches() || GENERATED_ID.matcher(id).matches()) {
            findings.add(Finding.error(ID_READABLE, file, id, "Id " + id + " does not say what the element is;"
                    + " Cockpit, migrations and the code that reads task keys show ids, not names.",
                    "Rename it to its type and meaning, e.g. UserTask_LegalReview, Flow_LegalReviewDone,"
                            + " Rule_Tier_FirstYear."));
        }
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // The finding names the problem; the parser need not print it too.
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static String owningId(ModelElementInstance element) {
        for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
            if (current instanceof BaseElement base && base.getId() != null
                    && (current instanceof FlowNode || current instanceof SequenceFlow
                            || current instanceof Process)) {
                return base.getId();
            }
        }
        for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
            if (current instanceof BaseElement base && base.getId() != null) {
                return base.getId();
            }
        }
        return "?";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String firstLine(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Only the findings that stop a rollout. */
    public static List<Finding> errors(Collection<Finding> findings) {
        return findings.stream().filter(Finding::isError).toList();
    }
}
