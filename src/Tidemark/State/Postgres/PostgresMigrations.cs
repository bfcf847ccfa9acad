namespace Tidemark.State.Postgres;

/// <summary>
/// The PostgreSQL schema, as ordered scripts with the same version numbers as <see cref="SqliteMigrations"/> (version
/// N means the same tables in both backends). Append only: a released script is never edited. Times are Unix
/// milliseconds from Tidemark's clock, as in SQLite; nothing here has a column for a token or any credential.
/// Version 4 has no backfill from the audit log (SQLite's has): no PostgreSQL store predates it.
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            CREATE TABLE runs (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                repository TEXT NOT NULL,
                trigger TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                ended_at BIGINT NULL,
                outcome TEXT NULL,
                reference_count INTEGER NOT NULL DEFAULT 0,
                change_count INTEGER NOT NULL DEFAULT 0,
                error_count INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX runs_repository ON runs (repository, id DESC);
            CREATE TABLE decisions (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
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
                closed_by_person BOOLEAN NOT NULL,
                last_pushed_sha TEXT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (repository, update_branch));
            CREATE TABLE tag_cache (
                registry TEXT NOT NULL,
                repository TEXT NOT NULL,
                tags TEXT NOT NULL,
                fetched_at BIGINT NOT NULL,
                PRIMARY KEY (registry, repository));
            CREATE TABLE repository_locks (
                repository TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                acquired_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL);
            CREATE TABLE audit_events (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at BIGINT NOT NULL,
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
                expires_at BIGINT NULL,
                first_used_at BIGINT NOT NULL,
                last_used_at BIGINT NOT NULL);
            CREATE TABLE token_actions (
                fingerprint TEXT NOT NULL REFERENCES tokens (fingerprint) ON DELETE CASCADE,
                action TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (fingerprint, action));
            CREATE TABLE token_rotations (
                next_fingerprint TEXT PRIMARY KEY,
                current_fingerprint TEXT NOT NULL,
                next_worked_since BIGINT NOT NULL,
                overlap_ms BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL);
            CREATE TABLE token_expiry_comments (
                fingerprint TEXT NOT NULL,
                threshold INTEGER NOT NULL,
                pull_request TEXT NOT NULL,
                at BIGINT NOT NULL,
                PRIMARY KEY (fingerprint, threshold));
            """),
        (3, """
            CREATE TABLE token_refusals (
                next_fingerprint TEXT PRIMARY KEY,
                current_fingerprint TEXT NOT NULL,
                lacking TEXT NOT NULL,
                refused_at BIGINT NOT NULL);
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
                at BIGINT NOT NULL,
                PRIMARY KEY (repository, branch, sha));
            CREATE TABLE pull_request_closures (
                repository TEXT NOT NULL,
                number INTEGER NOT NULL,
                branch TEXT NOT NULL,
                closed_by TEXT NOT NULL CHECK (closed_by IN ('tidemark', 'person', 'merge')),
                at BIGINT NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (repository, number));
            CREATE INDEX pull_request_closures_branch ON pull_request_closures (repository, branch);
            CREATE TABLE announcements (
                repository TEXT NOT NULL,
                branch TEXT NOT NULL,
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                at BIGINT NOT NULL,
                PRIMARY KEY (repository, branch, kind, key));
            """),
    ];

    public static int Latest => All[^1].Version;
}
