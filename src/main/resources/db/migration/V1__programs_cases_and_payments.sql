-- The application's own records. Camunda keeps its own tables (ACT_*); a case links to them by process instance id.

create table program (
    id                       uuid primary key,
    code                     varchar(64)   not null unique,
    title                    varchar(300)  not null,
    support_year             integer       not null,
    filing_opens_at          timestamp with time zone not null,
    filing_closes_at         timestamp with time zone not null,
    materials_close_at       timestamp with time zone not null,
    budget_wan               numeric(14,0) not null,
    -- Service levels in working days (guide §2: review SLAs and notice period are program parameters).
    initial_review_days      integer not null default 5,
    formal_review_days       integer not null default 5,
    special_audit_days       integer not null default 10,
    qualification_days       integer not null default 5,
    correction_days          integer not null default 5,
    notice_days              integer not null default 5,
    plan_decision_days       integer not null default 5,
    objection_days           integer not null default 3,
    disbursement_docs_days   integer not null default 10,
    disbursement_days        integer not null default 5,
    process_instance_id      varchar(64),
    created_at               timestamp with time zone not null,
    created_by               varchar(64)   not null,
    version                  bigint        not null default 0
);

create table program_fx_rate (
    program_id  uuid          not null references program(id),
    currency    varchar(3)       not null,
    cny_per_unit numeric(19,6) not null,
    primary key (program_id, currency)
);

create table program_lpr (
    program_id  uuid         not null references program(id),
    term        varchar(8)   not null,
    percent     numeric(8,4) not null,
    primary key (program_id, term)
);

create table applicant_binding (
    user_id     varchar(64) primary key,
    uscc        varchar(18)    not null
);

create sequence case_number_seq start with 1;

create table application (
    id                         uuid primary key,
    business_key               varchar(80)  not null unique,
    program_id                 uuid         not null references program(id),
    uscc                       varchar(18)     not null,
    enterprise_name            varchar(300) not null,
    bank_name                  varchar(200) not null,
    bank_account_name          varchar(300) not null,
    bank_account_no            varchar(64)  not null,
    bank_account_corrected     boolean      not null default false,
    on_dishonesty_list         boolean      not null,
    serious_violation_3y       boolean      not null,
    fiscal_arrears             boolean      not null,
    other_central_funding      boolean      not null,
    reports_statistics         boolean      not null,
    holds_certificate          boolean      not null,
    truthfulness_commitment    boolean      not null,
    project_name               varchar(300) not null,
    project_kind               varchar(32)  not null,
    host_country               varchar(2)      not null,
    certificate_no             varchar(120),
    certificate_first_issued_on date,
    key_date                   date,
    investment_amount          numeric(19,2),
    investment_currency        varchar(3),
    contract_value_amount      numeric(19,2),
    contract_value_currency    varchar(3),
    pre_project_fees_supported boolean      not null default false,
    prior_interest_support_years integer    not null default 0,
    stage                      varchar(40)  not null,
    outcome                    varchar(40),
    outcome_reason             varchar(2000),
    plan_amount_wan            numeric(14,0),
    process_instance_id        varchar(64),
    filed_at                   timestamp with time zone not null,
    filed_by                   varchar(64)  not null,
    idempotency_key            varchar(128),
    version                    bigint       not null default 0,
    constraint application_idempotency unique (filed_by, idempotency_key)
);
create index application_program_stage on application (program_id, stage);
create index application_uscc on application (uscc);

create table claim (
    id                      uuid primary key,
    application_id          uuid         not null references application(id),
    position                integer      not null,
    category                varchar(40)  not null,
    amount                  numeric(19,2) not null,
    currency                varchar(3)      not null,
    paid_on                 date         not null,
    service_contract_signed_on date,
    loan_principal_amount   numeric(19,2),
    loan_principal_currency varchar(3),
    term_months             integer,
    annual_rate_percent     numeric(8,4),
    active_from             date,
    active_to               date,
    zone_confirmed          boolean,
    audited_amount          numeric(19,2),
    constraint claim_position unique (application_id, position)
);

create table material (
    id              uuid primary key,
    application_id  uuid         not null references application(id),
    kind            varchar(60)  not null,
    file_name       varchar(255) not null,
    content_type    varchar(100) not null,
    size_bytes      bigint       not null,
    sha256          varchar(64)     not null,
    content         bytea        not null,
    uploaded_at     timestamp with time zone not null,
    uploaded_by     varchar(64)  not null,
    stage           varchar(40)  not null
);
create index material_application on material (application_id);

create table review_decision (
    id              bigint generated by default as identity primary key,
    application_id  uuid          not null references application(id),
    stage           varchar(40)   not null,
    decision        varchar(40)   not null,
    reason          varchar(2000),
    decided_by      varchar(64)   not null,
    decided_at      timestamp with time zone not null,
    task_id         varchar(64)
);
create index review_decision_application on review_decision (application_id);

create table funding_plan (
    id              uuid primary key,
    program_id      uuid          not null references program(id),
    plan_version    integer       not null,
    status          varchar(20)   not null,
    budget_wan      numeric(14,0) not null,
    total_wan       numeric(14,0) not null,
    drafted_by      varchar(64)   not null,
    drafted_at      timestamp with time zone not null,
    approved_by     varchar(64),
    approved_at     timestamp with time zone,
    issued_by       varchar(64),
    issued_at       timestamp with time zone,
    constraint funding_plan_version unique (program_id, plan_version)
);

create table plan_line (
    id              bigint generated by default as identity primary key,
    plan_id         uuid          not null references funding_plan(id),
    application_id  uuid          not null references application(id),
    uscc            varchar(18)      not null,
    enterprise_name varchar(300)  not null,
    project_name    varchar(300)  not null,
    category        varchar(40)   not null,
    unscaled_wan    numeric(14,0) not null,
    amount_wan      numeric(14,0) not null,
    removed         boolean       not null default false,
    removal_reason  varchar(2000),
    explanation     varchar(4000) not null
);
create index plan_line_plan on plan_line (plan_id);

create table plan_objection (
    id              uuid primary key,
    plan_id         uuid          not null references funding_plan(id),
    application_id  uuid          not null references application(id),
    reason          varchar(2000) not null,
    raised_by       varchar(64)   not null,
    raised_at       timestamp with time zone not null,
    decision        varchar(20),
    decided_by      varchar(64),
    decided_at      timestamp with time zone
);

create table payment (
    id              uuid primary key,
    application_id  uuid          not null references application(id),
    attempt         integer       not null,
    amount          numeric(19,2) not null,
    bank_name       varchar(200)  not null,
    bank_account_name varchar(300) not null,
    bank_account_no varchar(64)   not null,
    status          varchar(20)   not null,
    failure_reason  varchar(500),
    treasury_reference varchar(64),
    created_at      timestamp with time zone not null,
    completed_at    timestamp with time zone,
    -- One payment per case and attempt: a retried job finds the row and never pays again.
    constraint payment_once unique (application_id, attempt)
);
