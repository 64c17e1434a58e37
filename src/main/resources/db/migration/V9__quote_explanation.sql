-- A case's quote explained, one JSON document a case instead of one a claim: at about 6 KB the document is over
-- PostgreSQL's 2 KB threshold, so PostgreSQL stores it compressed (to about a quarter), which a claim's 1.4 KB never
-- was. It sits in a table of its own, so that loading a case does not read it.
create table quote_explanation (
    id          uuid primary key,
    explanation text not null
);
alter table application add column quote_explanation_id uuid references quote_explanation (id);

-- The claims' explanations kept so far move into their case's document (its id the case's own).
insert into quote_explanation (id, explanation)
select application_id, '{"claims":[' || string_agg(explanation, ',' order by position) || ']}'
from claim
where explanation is not null
group by application_id;
update application set quote_explanation_id = id where id in (select id from quote_explanation);
alter table claim drop column explanation;
