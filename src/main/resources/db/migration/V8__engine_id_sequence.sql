-- The process engine's ids (common/SequenceIdGenerator): a block of ids a call, its size the increment. Ten digits
-- from the start, so that ids compare as text in the order they were handed out for billions of ids to come.
create sequence engine_ids start with 1000000000 increment by 100;
