-- The evaluation's queries as the portal sends them (taken from the EF Core command log), with the parameters
-- written in, under EXPLAIN (ANALYZE, BUFFERS). Run against the benchmark's database:
--   PGPASSWORD=$(cat /tmp/so-eval-pg/password) psql -h 127.0.0.1 -p 54371 -U socialorder socialorder \
--     -v call="'<call id>'" -f benchmarks/SocialOrder.EvaluationBenchmark/explain.sql
\pset pager off
\set experts 'ARRAY(select user_id from expert_profiles where status = ''Approved'')'

\echo '== CallEvaluation.ComputeAsync: the call (FindOwnAsync reads every column)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.* FROM calls AS c WHERE c.id = :call LIMIT 2;

\echo '== CallEvaluation.ComputeAsync: eligible bids with organization and last submission'
EXPLAIN (ANALYZE, BUFFERS)
SELECT b.id, b.organization_id, b.eligibility, b.reconciliation, o.name_en, o.name_kk, o.name_ru, o.bin,
       b0.receipt_number, b0.submitted_at, b0.requested_amount
FROM bids AS b
INNER JOIN organizations AS o ON b.organization_id = o.id
INNER JOIN bid_submissions AS b0 ON b.id = b0.bid_id
WHERE b.call_id = :call AND b.status = 'Submitted' AND b0.version = b.submission_count;

\echo '== CallEvaluation.ComputeAsync: every assignment of the call, whole rows (scores, history as jsonb)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT e.id, e.assigned_at, e.assigned_by, e.bid_id, e.call_id, e.declaration, e.decline_reason, e.due_at, e.expert_id,
       e.history, e.is_additional, e.organization_id, e.proposed_at, e.responded_at, e.scores, e.sheet_revision,
       e.sheet_status, e.sheet_version, e.status, e.submitted_at
FROM expert_assignments AS e WHERE e.call_id = :call ORDER BY e.proposed_at;

\echo '== GetEvaluationDashboardQuery: the expert choices (first 1000 approved by name)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT e.user_id, e.full_name FROM expert_profiles AS e WHERE e.status = 'Approved' ORDER BY e.full_name LIMIT 1000;

\echo '== AssignmentInputs.BuildAsync: submitted bids, whole rows (content, attachments)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT b.* FROM bids AS b WHERE b.call_id = :call AND b.status = 'Submitted';

\echo '== AssignmentInputs.BuildAsync: the bidders, whole, with members and invitations'
EXPLAIN (ANALYZE, BUFFERS)
SELECT o.*, o0.*, o1.*
FROM organizations AS o
LEFT JOIN organization_invitations AS o0 ON o.id = o0.organization_id
LEFT JOIN organization_members AS o1 ON o.id = o1.organization_id
WHERE o.id = ANY (ARRAY(select organization_id from bids where call_id = :call))
ORDER BY o.id, o0.id;

\echo '== AssignmentInputs.BuildAsync: existing assignments of the call'
EXPLAIN (ANALYZE, BUFFERS)
SELECT e.bid_id, e.expert_id, e.status FROM expert_assignments AS e WHERE e.call_id = :call;

\echo '== AssignmentInputs.BuildAsync: the approved pool'
EXPLAIN (ANALYZE, BUFFERS)
SELECT e.* FROM expert_profiles AS e WHERE e.status = 'Approved';

\echo '== EvaluationAccess.ConflictsAsync: memberships of the pool'
EXPLAIN (ANALYZE, BUFFERS)
SELECT o1."UserId", o1."Id"
FROM organizations AS o
JOIN LATERAL (
    SELECT o0.user_id AS "UserId", o.id AS "Id"
    FROM organization_members AS o0
    WHERE o.id = o0.organization_id AND o0.user_id = ANY (:experts)
) AS o1 ON TRUE;

\echo '== EvaluationAccess.ConflictsAsync: earlier recusals of the pool'
EXPLAIN (ANALYZE, BUFFERS)
SELECT e.expert_id, e.organization_id FROM expert_assignments AS e WHERE e.expert_id = ANY (:experts) AND e.status = 'Recused';

\echo '== AuditLog.AppendAsync: the previous hash (every auditable request, the dashboard GET included)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT a.hash FROM audit_events AS a ORDER BY a.id DESC LIMIT 1;

\echo '== sizes'
SELECT count(*) AS assignments, pg_size_pretty(sum(pg_column_size(e.scores))::bigint) AS scores_jsonb,
       pg_size_pretty(sum(pg_column_size(e.history))::bigint) AS history_jsonb
FROM expert_assignments AS e WHERE e.call_id = :call;
