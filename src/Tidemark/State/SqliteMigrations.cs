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
    ];

    public static int Latest => All[^1].Version;
}
