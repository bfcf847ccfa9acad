namespace Tidemark.State;

/// <summary>
/// The schema, as ordered scripts. Append only: a released script is never edited. Nothing here has a
/// column for a token or any credential (docs/state.md); tokens are named by fingerprint only.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            CREATE TABLE runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                repository TEXT NOT NULL,
                trigger TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                ended_at INTEGER NULL,
                outcome TEXT NULL,
                reference_count INTEGER NOT NULL DEFAULT 0,
                change_count INTEGER NOT NULL DEFAULT 0,
                error_count INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX runs_repository ON runs (repository, id DESC);
            CREATE TABLE decisions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                image TEXT NOT NULL,
                from_tag TEXT NULL,
                to_tag TEXT NULL,
                policy TEXT NOT NULL,
                reason TEXT NOT NULL);
            CREATE INDEX decisions_run ON decisions (run_id);
            CREATE TABLE pull_requests (
                repository TEXT NOT NULL,
                update_branch TEXT NOT NULL,
                number INTEGER NULL,
                url TEXT NULL,
                state TEXT NOT NULL,
                targets TEXT NOT NULL,
                closed_by_person INTEGER NOT NULL,
                last_pushed_sha TEXT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (repository, update_branch));
            CREATE TABLE tag_cache (
                registry TEXT NOT NULL,
                repository TEXT NOT NULL,
                tags TEXT NOT NULL,
                fetched_at INTEGER NOT NULL,
                PRIMARY KEY (registry, repository));
            CREATE TABLE repository_locks (
                repository TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                acquired_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL);
            CREATE TABLE audit_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at INTEGER NOT NULL,
                token_fingerprint TEXT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                outcome TEXT NOT NULL,
                detail TEXT NOT NULL);
            CREATE INDEX audit_events_at ON audit_events (at);
            CREATE INDEX audit_events_action ON audit_events (action, at);
            """),
        (2, """
            CREATE TABLE tokens (
                fingerprint TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                source TEXT NOT NULL,
                role TEXT NOT NULL,
                repository TEXT NOT NULL,
                expires_at INTEGER NULL,
                first_used_at INTEGER NOT NULL,
                last_used_at INTEGER NOT NULL);
            CREATE TABLE token_actions (
                fingerprint TEXT NOT NULL REFERENCES tokens (fingerprint) ON DELETE CASCADE,
                action TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (fingerprint, action));
            CREATE TABLE token_rotations (
                next_fingerprint TEXT PRIMARY KEY,
                current_fingerprint TEXT NOT NULL,
                next_worked_since INTEGER NOT NULL,
                overlap_ms INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL);
            CREATE TABLE token_expiry_comments (
                fingerprint TEXT NOT NULL,
                threshold INTEGER NOT NULL,
                pull_request TEXT NOT NULL,
                at INTEGER NOT NULL,
                PRIMARY KEY (fingerprint, threshold));
            """),
        (3, """
            CREATE TABLE token_refusals (
                next_fingerprint TEXT PRIMARY KEY,
                current_fingerprint TEXT NOT NULL,
                lacking TEXT NOT NULL,
                refused_at INTEGER NOT NULL);
            """),
        (4, """
            ALTER TABLE audit_events ADD COLUMN run_id TEXT NULL;
            CREATE INDEX audit_events_run ON audit_events (run_id, token_fingerprint);
            ALTER TABLE runs ADD COLUMN run_id TEXT NULL;
            CREATE TABLE pushed_commits (
                repository TEXT NOT NULL,
                branch TEXT NOT NULL,
                sha TEXT NOT NULL,
                run_id TEXT NULL,
                at INTEGER NOT NULL,
                PRIMARY KEY (repository, branch, sha));
            CREATE TABLE pull_request_closures (
                repository TEXT NOT NULL,
                number INTEGER NOT NULL,
                branch TEXT NOT NULL,
                closed_by TEXT NOT NULL CHECK (closed_by IN ('tidemark', 'person', 'merge')),
                at INTEGER NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (repository, number));
            CREATE INDEX pull_request_closures_branch ON pull_request_closures (repository, branch);
            CREATE TABLE announcements (
                repository TEXT NOT NULL,
                branch TEXT NOT NULL,
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                at INTEGER NOT NULL,
                PRIMARY KEY (repository, branch, kind, key));
            """ + Backfill4),
    ];

    /// <summary>
    /// Schema 4 moves what runs remember out of the audit log, once: pushes, Tidemark's own closes and pause comments of
    /// older versions are read from the audit events (their targets are <c>owner/repo@branch</c> and <c>owner/repo#N</c>),
    /// a person's close and a merge from the managed pull requests (docs/decisions.md).
    /// </summary>
    private const string Backfill4 = """

        INSERT OR IGNORE INTO pushed_commits (repository, branch, sha, run_id, at)
            SELECT substr(target, 1, instr(target, '@') - 1), substr(target, instr(target, '@') + 1),
                CASE WHEN instr(detail, ' ') > 0 THEN substr(detail, 1, instr(detail, ' ') - 1) ELSE detail END, NULL, at
            FROM audit_events WHERE action = 'git.push' AND outcome = 'ok' AND instr(target, '@') > 1 AND detail <> '' ORDER BY id;
        WITH events AS (
            SELECT substr(target, 1, instr(target, '#') - 1) AS repository, CAST(substr(target, instr(target, '#') + 1) AS INTEGER) AS number, at, detail, id
            FROM audit_events WHERE action = 'pr.close' AND outcome = 'ok' AND instr(target, '#') > 1)
        INSERT OR IGNORE INTO pull_request_closures (repository, number, branch, closed_by, at, reason)
            SELECT e.repository, e.number, COALESCE((SELECT p.update_branch FROM pull_requests p WHERE p.repository = e.repository AND p.number = e.number), ''),
                'tidemark', e.at, e.detail
            FROM events e ORDER BY e.id;
        INSERT OR IGNORE INTO pull_request_closures (repository, number, branch, closed_by, at, reason)
            SELECT repository, number, update_branch, CASE WHEN state = 'Merged' THEN 'merge' ELSE 'person' END, updated_at,
                CASE WHEN state = 'Merged' THEN 'merged' ELSE 'closed without merging by a person' END
            FROM pull_requests WHERE number IS NOT NULL AND (state = 'Merged' OR closed_by_person = 1);
        WITH events AS (
            SELECT substr(target, 1, instr(target, '#') - 1) AS repository, substr(target, instr(target, '#') + 1) AS number, at, id
            FROM audit_events WHERE action = 'pr.comment' AND outcome = 'ok' AND substr(detail, 1, 6) = 'paused' AND instr(target, '#') > 1)
        INSERT OR IGNORE INTO announcements (repository, branch, kind, key, at)
            SELECT e.repository, COALESCE((SELECT p.update_branch FROM pull_requests p WHERE p.repository = e.repository AND CAST(p.number AS TEXT) = e.number), ''),
                'pause', e.number, e.at
            FROM events e ORDER BY e.id;
        """;

    public static int Latest => All[^1].Version;
}
