package cn.bureau.subsidy.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.bureau.subsidy.decision.SupportCategory;

/** A published application guide (发布申报指南): its windows, budget, rates and service levels. */
@Entity
@Table(name = "program")
public class Program {

    /** The categories of the 2026 guide, offered when a program names none. */
    public static final List<String> DEFAULT_CATEGORIES = Arrays.stream(SupportCategory.values()).map(Enum::name)
            .toList();

    @Id
    private UUID id;
    private String code;
    private String title;
    private int supportYear;
    private Instant filingOpensAt;
    private Instant filingClosesAt;
    private Instant materialsCloseAt;
    private BigDecimal budgetWan;
    private int initialReviewDays = 5;
    private int formalReviewDays = 5;
    private int specialAuditDays = 10;
    private int qualificationDays = 5;
    private int correctionDays = 5;
    private int noticeDays = 5;
    private int planDecisionDays = 5;
    private int objectionDays = 3;
    private int disbursementDocsDays = 10;
    private int disbursementDays = 5;
    /** Working days after a task's due date at which it escalates a second time (to the group's leads). */
    private int escalationDays = 3;
    private String processInstanceId;
    /** The category codes the program offers, comma-separated; null means the 2026 guide's four. */
    private String categories;
    private Instant createdAt;
    private String createdBy;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "program_fx_rate", joinColumns = @JoinColumn(name = "program_id"))
    @MapKeyColumn(name = "currency")
    @Column(name = "cny_per_unit")
    private Map<String, BigDecimal> fxRatesToCny = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "program_lpr", joinColumns = @JoinColumn(name = "program_id"))
    @MapKeyColumn(name = "term")
    @Column(name = "percent")
    private Map<String, BigDecimal> lprPercent = new HashMap<>();

    /** Role (e.g. {@code supportRates}) to decision key, for the roles the program does not leave at the default. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "program_decision", joinColumns = @JoinColumn(name = "program_id"))
    @MapKeyColumn(name = "role")
    @Column(name = "decision_key")
    private Map<String, String> decisions = new HashMap<>();

    protected Program() {
    }

    Program(String code, String title, int supportYear, Instant filingOpensAt, Instant filingClosesAt,
            Instant materialsCloseAt, BigDecimal budgetWan, Map<String, BigDecimal> fxRatesToCny,
            Map<String, BigDecimal> lprPercent, Instant createdAt, String createdBy) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.title = title;
        this.supportYear = supportYear;
        this.filingOpensAt = filingOpensAt;
        this.filingClosesAt = filingClosesAt;
        this.materialsCloseAt = materialsCloseAt;
        this.budgetWan = budgetWan;
        this.fxRatesToCny.putAll(fxRatesToCny);
        this.lprPercent.putAll(lprPercent);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void configure(List<String> categories, Map<String, String> decisions) {
        this.categories = categories == null || categories.isEmpty() ? null : String.join(",", categories);
        this.decisions.clear();
        if (decisions != null) {
            this.decisions.putAll(decisions);
        }
    }

    /** Online filing is open from its opening instant up to, not including, its closing instant. */
    public boolean acceptsFilingAt(Instant instant) {
        return !instant.isBefore(filingOpensAt) && instant.isBefore(filingClosesAt);
    }

    public int workingDays(Sla sla) {
        return switch (sla) {
            case INITIAL_REVIEW -> initialReviewDays;
            case FORMAL_REVIEW -> formalReviewDays;
            case SPECIAL_AUDIT -> specialAuditDays;
            case QUALIFICATION -> qualificationDays;
            case CORRECTION -> correctionDays;
            case PLAN_DECISION -> planDecisionDays;
            case OBJECTION -> objectionDays;
            case NOTICE -> noticeDays;
            case DISBURSEMENT_DOCUMENTS -> disbursementDocsDays;
            case DISBURSEMENT -> disbursementDays;
        };
    }

    public int getEscalationDays() {
        return escalationDays;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public int getSupportYear() {
        return supportYear;
    }

    public Instant getFilingOpensAt() {
        return filingOpensAt;
    }

    public Instant getFilingClosesAt() {
        return filingClosesAt;
    }

    public Instant getMaterialsCloseAt() {
        return materialsCloseAt;
    }

    public BigDecimal getBudgetWan() {
        return budgetWan;
    }

    public Map<String, BigDecimal> getFxRatesToCny() {
        return Map.copyOf(fxRatesToCny);
    }

    public Map<String, BigDecimal> getLprPercent() {
        return Map.copyOf(lprPercent);
    }

    /** The category codes a claim may have in this program. */
    public List<String> getCategories() {
        return categories == null || categories.isBlank() ? DEFAULT_CATEGORIES
                : Arrays.stream(categories.split(",")).map(String::strip).toList();
    }

    /** The decisions the program names, by role; the roles it leaves out use the 2026 guide's tables. */
    public Map<String, String> getDecisions() {
        return Map.copyOf(decisions);
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
