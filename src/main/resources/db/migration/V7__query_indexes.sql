-- Indexes for the application's own frequent reads (the engine's task table is indexed by
-- supervision/TaskDueIndex, because the engine creates it after Flyway runs).
-- Telling the cases their amount reads a plan's lines of 100 cases at a time.
create index plan_line_plan_application on plan_line (plan_id, application_id);
-- The cases waiting for the plan, a page at a time in business-key order.
create index application_program_stage_key on application (program_id, stage, business_key);
