-- A program names the decisions it uses and the categories it offers, so a second program (another guide, another
-- family of awards) is configured with tables in decisions/ and a program record, without code of its own.
-- A program without rows here uses the 2026 guide's tables; without categories, the guide's four categories.
create table program_decision (
    program_id    uuid         not null references program(id),
    role          varchar(40)  not null,
    decision_key  varchar(255) not null,
    primary key (program_id, role)
);

-- The category codes a program offers, comma-separated, in the order the program lists them.
alter table program add column categories varchar(1000);

-- Further facts of a claim that a program's own tables read (e.g. last year's revenue), as a JSON object.
alter table claim add column facts text;

-- A migration of running cases to a new process version, run as a Camunda batch, and the cases it was asked to move,
-- so its report can say which moved, which ended meanwhile and which still wait.
create table model_migration (
    id                    uuid primary key,
    batch_id              varchar(64),
    process_key           varchar(255)  not null,
    source_definition_id  varchar(64)   not null,
    target_definition_id  varchar(64)   not null,
    mappings              varchar(4000) not null,
    started_by            varchar(64)   not null,
    started_at            timestamp with time zone not null
);

create table model_migration_case (
    migration_id          uuid        not null references model_migration(id),
    process_instance_id   varchar(64) not null,
    primary key (migration_id, process_instance_id)
);
