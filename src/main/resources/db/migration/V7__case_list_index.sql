-- A township's case list (GET /api/cases) reads its page in index order, newest first, instead of sorting all the
-- township's cases: one index for the whole list, one for the list of one status. Plain indexes with descending
-- columns, the same on H2 and PostgreSQL. The status index starts with the columns of jz_case_township
-- (township_code, status), which it replaces: one index fewer to keep up on every filing.
create index jz_case_township_filed on jz_case (township_code, filed_at desc, case_number desc);
create index jz_case_township_status_filed on jz_case (township_code, status, filed_at desc, case_number desc);
drop index jz_case_township;
