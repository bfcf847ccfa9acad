using System.Globalization;
using Tidemark.State;
using static Tidemark.Cli.Serve.Dashboard.Html;
using static Tidemark.Cli.Serve.Dashboard.Layout;

namespace Tidemark.Cli.Serve.Dashboard;

/// <summary>What a page knows of the admin: whether "reconcile now" is configured, and the signed-in admin's anti-forgery value (null: not signed in).</summary>
internal sealed record AdminView(bool Enabled, string? FormToken)
{
    public bool SignedIn => FormToken is not null;

    public Html HeaderLink() =>
        !Enabled ? Empty
        : SignedIn ? H($"<form class=\"inline\" method=\"post\" action=\"/admin/sign-out\"><input type=\"hidden\" name=\"{AdminSessions.FormField}\" value=\"{FormToken}\"><button type=\"submit\">Sign out admin</button></form>")
        : H($"<a href=\"/admin\">Admin sign-in</a>");

    /// <summary>The "reconcile now" button of a repository, only for a signed-in admin.</summary>
    public Html ReconcileButton(string repository) =>
        SignedIn
            ? H($"<form class=\"inline\" method=\"post\" action=\"{RepositoryPath(repository)}/reconcile\"><input type=\"hidden\" name=\"{AdminSessions.FormField}\" value=\"{FormToken}\"><button type=\"submit\">Reconcile now</button></form>")
            : Empty;
}

/// <summary>One configured repository on the overview: the scheduler's status, completed from the state store (after a restart the scheduler knows nothing yet).</summary>
internal sealed record RepositoryOverview(RepositoryStatus Status, RunRecord? LastRun, ManagedPullRequest? OpenPullRequest)
{
    /// <summary>
    /// Goes to the store only for what the status lacks: the last run while no run has finished in this process, the open
    /// pull request while the status names none (<paramref name="pulls"/>: the repository's pull requests when the caller
    /// has them already).
    /// </summary>
    public static async Task<RepositoryOverview> LoadAsync(RepositoryStatus status, StateStore state, CancellationToken cancellationToken, IReadOnlyList<ManagedPullRequest>? pulls = null)
    {
        RunRecord? last = null;
        if (status.LastOutcome is null)
        {
            var runs = await state.RunReader.ListRunsAsync(status.Name, 1, cancellationToken).ConfigureAwait(false);
            last = runs.Count > 0 ? runs[0] : null;
        }

        ManagedPullRequest? open = null;
        if (status.PullRequestUrl is null)
        {
            pulls ??= await state.PullRequestReader.ListPullRequestsAsync(status.Name, cancellationToken).ConfigureAwait(false);
            open = pulls.Where(p => p.State == PullRequestState.Open).OrderByDescending(p => p.UpdatedAt).FirstOrDefault();
        }

        return new RepositoryOverview(status, last, open);
    }

    /// <summary>Every configured repository's overview, by name (the overview page and <c>/api/repos</c>).</summary>
    public static async Task<IReadOnlyList<RepositoryOverview>> LoadAllAsync(IServeStatus status, StateStore state, CancellationToken cancellationToken)
    {
        var overviews = new List<RepositoryOverview>();
        foreach (var repository in status.Repositories.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase))
        {
            overviews.Add(await LoadAsync(repository, state, cancellationToken).ConfigureAwait(false));
        }

        return overviews;
    }

    public string? PullRequestUrl => Status.PullRequestUrl?.AbsoluteUri ?? OpenPullRequest?.Url;

    public int? PendingUpdates => Status.PendingUpdates ?? (LastRun?.Outcome is null ? null : LastRun.Changes);

    public DateTimeOffset? LastRunAt => Status.LastRunEnded ?? Status.LastRunStarted ?? LastRun?.EndedAt ?? LastRun?.StartedAt;

    public string? Outcome => Status.LastOutcome ?? LastRun?.Outcome;
}

/// <summary>The dashboard's server-rendered pages. Every value goes through <see cref="Html.H"/>, so it is encoded.</summary>
internal static class DashboardPages
{
    public static Html Overview(IReadOnlyList<RepositoryOverview> repositories, DateTimeOffset now, AdminView admin, string? notice)
    {
        var cards = repositories.Select(r => OverviewCard(r, now, admin));
        var body = repositories.Count == 0
            ? H($"<p class=\"muted\">No repository is configured (the settings' <code>repositories</code>).</p>")
            : H($"<div class=\"cards\">{cards}</div>");
        return Page("Repositories", H($"{Notice(notice)}<h1>Repositories</h1>{body}"), admin.HeaderLink());
    }

    private static Html OverviewCard(RepositoryOverview repository, DateTimeOffset now, AdminView admin)
    {
        var s = repository.Status;
        var state = s.Error is not null ? H($"<span class=\"bad\">disabled</span>")
            : s.Running ? H($"<span class=\"warn\">running</span>")
            : s.LastRunSucceeded == false ? H($"<span class=\"bad\">failing</span>")
            : s.LastRunSucceeded == true ? H($"<span class=\"ok\">ok</span>")
            : H($"<span class=\"muted\">waiting</span>");
        var error = s.Error is not null ? H($"<dt>Error</dt><dd class=\"bad\">{s.Error}</dd>")
            : s.ConsecutiveFailures > 0 ? H($"<dt>Failures</dt><dd class=\"bad\">{s.ConsecutiveFailures} in a row</dd>")
            : Empty;
        var pull = repository.PullRequestUrl is { } url ? ExternalLink(url, PullRequestLabel(url)) : H($"<span class=\"muted\">none open</span>");
        var pending = repository.PendingUpdates is { } count ? H($"{count}") : H($"<span class=\"muted\">—</span>");
        return H($"""
            <section class="card" data-repository="{s.Name}">
            <h2><a href="{RepositoryPath(s.Name)}">{s.Name}</a> · {state}</h2>
            <dl>
            <dt>Last run</dt><dd>{When(repository.LastRunAt, now)}</dd>
            <dt>Outcome</dt><dd class="outcome">{repository.Outcome ?? "—"}</dd>
            <dt>Next run</dt><dd>{(s.Error is null ? When(s.NextRun, now) : H($"<span class=\"muted\">never (disabled)</span>"))}</dd>
            <dt>Pull request</dt><dd>{pull}</dd>
            <dt>Pending updates</dt><dd class="pending">{pending}</dd>
            {error}
            </dl>
            {(s.Error is null ? admin.ReconcileButton(s.Name) : Empty)}
            </section>
            """);
    }

    public static Html Repository(RepositoryOverview repository, IReadOnlyList<RunRecord> runs, RunRecord? decided, IReadOnlyList<DecisionRecord> decisions,
        IReadOnlyList<ManagedPullRequest> pullRequests, DateTimeOffset now, AdminView admin, string? notice)
    {
        var s = repository.Status;
        var images = decisions.GroupBy(d => d.Image, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => ImageRows(g.Key, [.. g]));
        var held = decisions.Where(d => d.Reason.StartsWith("held by group", StringComparison.Ordinal)).ToList();
        var decidedBy = decided is null ? Empty : H($"<p class=\"muted\">From run {decided.Id}{(decided.RunId is null ? Empty : H($" (<code>{decided.RunId}</code>)"))}, {When(decided.EndedAt ?? decided.StartedAt, now)}.</p>");
        var references = decisions.Count == 0
            ? H($"<p class=\"muted\">No run has recorded decisions yet.</p>")
            : H($"{decidedBy}{Table(["Image", "Current", "Selected", "Policy", "Why"], images)}");
        var heldGroups = held.Count == 0
            ? H($"<p class=\"muted\">Nothing is held back by a group.</p>")
            : Table(["Image", "Current", "Why"], held.Select(d => H($"<tr><td><code>{d.Image}</code></td><td>{d.From ?? "—"}</td><td>{d.Reason}</td></tr>")));
        var pulls = pullRequests.Count == 0
            ? H($"<p class=\"muted\">No pull request yet.</p>")
            : Table(["Pull request", "Branch", "State", "Targets", "Updated"], pullRequests.Select(p => H($"""
                <tr><td>{ExternalLink(p.Url, p.Number is { } n ? $"#{n.ToString(CultureInfo.InvariantCulture)}" : "—")}</td><td><code>{p.UpdateBranch}</code></td><td>{p.State.ToString()}{(p.ClosedByPersonWithoutMerge ? H($" <span class=\"muted\">(closed by a person: not proposed again)</span>") : Empty)}</td>
                <td>{p.Targets.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => H($"<div><code>{t.Key}</code> → {t.Value}</div>"))}</td><td>{When(p.UpdatedAt, now)}</td></tr>
                """)));
        var recent = runs.Count == 0
            ? H($"<p class=\"muted\">No run recorded yet.</p>")
            : Table(["Run", "Trigger", "Started", "Took", "Outcome", "References", "Changes", "Errors"], runs.Select(r => H($"""
                <tr><td>{r.Id}{(r.RunId is null ? Empty : H($"<br><a href=\"/audit?run={Uri.EscapeDataString(r.RunId)}\"><code>{r.RunId}</code></a>"))}</td><td>{r.Trigger}</td><td>{When(r.StartedAt, now)}</td>
                <td>{(r.EndedAt is { } ended ? Duration(ended - r.StartedAt) : "—")}</td><td class="outcome">{r.Outcome ?? (r.EndedAt is null ? "running or stopped" : "—")}</td>
                <td>{r.References}</td><td>{r.Changes}</td><td>{(r.Errors > 0 ? H($"<span class=\"bad\">{r.Errors}</span>") : H($"0"))}</td></tr>
                """)));
        var body = H($"""
            {Notice(notice)}
            <h1>{s.Name}</h1>
            <dl>
            <dt>Repository</dt><dd>{ExternalLink(s.Url, s.Url)}</dd>
            <dt>Interval</dt><dd>{Duration(s.Interval)}</dd>
            <dt>Last run</dt><dd>{When(repository.LastRunAt, now)}</dd>
            <dt>Outcome</dt><dd class="outcome">{repository.Outcome ?? "—"}</dd>
            <dt>Next run</dt><dd>{(s.Error is null ? When(s.NextRun, now) : H($"never (disabled)"))}</dd>
            <dt>Pending updates</dt><dd>{(repository.PendingUpdates is { } p ? H($"{p}") : H($"—"))}</dd>
            {(s.Error is null ? Empty : H($"<dt>Error</dt><dd class=\"bad\">{s.Error}</dd>"))}
            </dl>
            <p>{(s.Error is null ? admin.ReconcileButton(s.Name) : Empty)} <a href="/audit?repo={Uri.EscapeDataString(s.Name)}">Audit trail</a></p>
            <h2>References by image</h2>
            {references}
            <h2>Held groups</h2>
            {heldGroups}
            <h2>Pull requests</h2>
            {pulls}
            <h2>Recent runs</h2>
            {recent}
            """);
        return Page(s.Name, body, admin.HeaderLink());
    }

    private static Html ImageRows(string image, IReadOnlyList<DecisionRecord> decisions) => Join(decisions.Select((d, i) => H($"""
        <tr class="decision"><td>{(i == 0 ? H($"<code>{image}</code>") : Empty)}</td><td>{d.From ?? "—"}</td><td>{(d.To is null ? H($"<span class=\"muted\">stays</span>") : H($"<strong>{d.To}</strong>"))}</td><td>{d.Policy}</td><td class="why">{d.Reason}</td></tr>
        """)));

    public static Html Tokens(IReadOnlyList<TokenRecord> tokens, IReadOnlyList<TokenRotationRecord> rotations, IReadOnlyList<TokenRefusalRecord> refusals,
        IReadOnlyList<AuditRecord> checks, DateTimeOffset now, AdminView admin)
    {
        var rows = tokens.Select(t => H($"""
            <tr><td><code>{t.Fingerprint}</code></td><td>{t.Kind}</td><td>{t.Role}</td><td>{t.Source}</td><td>{t.Repository}</td><td>{Expiry(t.ExpiresAt, now)}</td>
            <td>{When(t.FirstUsedAt, now)}</td><td>{When(t.LastUsedAt, now)}</td><td>{string.Join(", ", t.Actions.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} ×{a.Value.ToString(CultureInfo.InvariantCulture)}"))}</td></tr>
            """));
        var tokenTable = tokens.Count == 0
            ? H($"<p class=\"muted\">No token has been used yet.</p>")
            : Table(["Fingerprint", "Kind", "Role", "Source", "Repository", "Expires", "First use", "Last use", "Actions"], rows);
        var rotationTable = rotations.Count == 0
            ? H($"<p class=\"muted\">No rotation under way.</p>")
            : Table(["Next token", "Replaces", "Worked since", "Overlap", "Last seen"], rotations.Select(r => H($"""
                <tr><td><code>{r.NextFingerprint}</code></td><td><code>{r.CurrentFingerprint}</code></td><td>{When(r.NextWorkedSince, now)}</td><td>{Duration(r.Overlap)}</td><td>{When(r.LastSeenAt, now)}</td></tr>
                """)));
        var refusalTable = refusals.Count == 0
            ? H($"<p class=\"muted\">No next token was refused.</p>")
            : Table(["Next token", "Kept", "Lacks", "When"], refusals.Select(r => H($"""
                <tr><td><code>{r.NextFingerprint}</code></td><td><code>{r.CurrentFingerprint}</code></td><td class="bad">{r.Lacking}</td><td>{When(r.RefusedAt, now)}</td></tr>
                """)));
        var checkTable = checks.Count == 0
            ? H($"<p class=\"muted\">No token check (<code>tidemark doctor</code>, <code>token check</code>) recorded.</p>")
            : AuditTable(checks, now);
        var body = H($"""
            <h1>Tokens</h1>
            <p class="muted">Tokens are named by fingerprint; their values are never stored.</p>
            {tokenTable}
            <h2>Rotations</h2>
            {rotationTable}
            <h2>Refused next tokens</h2>
            {refusalTable}
            <h2>Token checks and findings</h2>
            {checkTable}
            """);
        return Page("Tokens", body, admin.HeaderLink());
    }

    private static Html Expiry(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is not { } expires)
        {
            return H($"<span class=\"muted\">never reported</span>");
        }

        var days = (int)Math.Floor((expires - now).TotalDays);
        var left = expires <= now ? H($"<span class=\"bad\">expired</span>")
            : days <= 14 ? H($"<span class=\"{(days <= 7 ? "bad" : "warn")}\">{days} days left</span>")
            : H($"{days} days left");
        return H($"{expires.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} · {left}");
    }

    public static Html Audit(AuditFilter filter, IReadOnlyList<AuditRecord> events, bool more, DateTimeOffset now, AdminView admin)
    {
        var actions = AuditActions.All.Select(a => a.Name).ToList();
        if (filter.Action is { } chosen && !actions.Contains(chosen, StringComparer.Ordinal))
        {
            actions.Add(chosen);
        }

        var form = H($"""
            <form class="filters" method="get" action="/audit">
            <label>Repository<input name="repo" value="{filter.Repository}" placeholder="owner/name"></label>
            <label>Run id<input name="run" value="{filter.RunId}"></label>
            <label>Action<select name="action"><option value="">any</option>{actions.Select(a => Option(a, filter.Action))}</select></label>
            <label>Outcome<select name="outcome"><option value="">any</option>{AuditOutcomes.All.Select(o => Option(o.Name, filter.Outcome))}</select></label>
            <button type="submit">Filter</button> <a href="/audit">Clear</a>
            </form>
            """);
        var table = events.Count == 0 ? H($"<p class=\"muted\">No event matches.</p>") : AuditTable(events, now);
        var previous = filter.Page > 1 ? H($"<a rel=\"prev\" href=\"{filter.Link(filter.Page - 1)}\">← Newer</a>") : Empty;
        var next = more ? H($"<a rel=\"next\" href=\"{filter.Link(filter.Page + 1)}\">Older →</a>") : Empty;
        var body = H($"""
            <h1>Audit trail</h1>
            {form}
            {table}
            <div class="pager">{previous}<span class="muted">page {filter.Page}</span>{next}</div>
            """);
        return Page("Audit", body, admin.HeaderLink());
    }

    private static Html Option(string value, string? selected) =>
        string.Equals(value, selected, StringComparison.Ordinal) ? H($"<option selected>{value}</option>") : H($"<option>{value}</option>");

    private static Html AuditTable(IEnumerable<AuditRecord> events, DateTimeOffset now) =>
        Table(["When", "Action", "Target", "Outcome", "Token", "Detail", "Run"], events.Select(e => H($"""
            <tr class="event"><td>{When(e.At, now)}</td><td><code>{e.Action.Name}</code></td><td><code>{e.Target}</code></td>
            <td class="{(e.Outcome == AuditOutcomes.Ok ? "ok" : "bad")}">{e.Outcome.Name}</td><td><code>{e.TokenFingerprint ?? "—"}</code></td><td>{e.Detail}</td>
            <td>{(e.RunId is null ? H($"—") : H($"<a href=\"/audit?run={Uri.EscapeDataString(e.RunId)}\"><code>{e.RunId}</code></a>"))}</td></tr>
            """)));

    public static Html SignIn(string? error) => Page("Admin sign-in", H($"""
        {(error is null ? Empty : H($"<p class=\"notice bad\">{error}</p>"))}
        <h1>Admin sign-in</h1>
        <p>The admin token (the settings' <code>dashboard.adminToken</code>) enables "Reconcile now". It is checked once; the browser then keeps a session cookie, never the token.</p>
        <form method="post" action="/admin/sign-in">
        <label>Admin token <input type="password" name="token" autocomplete="off" required></label>
        <button type="submit">Sign in</button>
        </form>
        """));

    public static Html Message(string title, string message) => Page(title, H($"<h1>{title}</h1><p>{message}</p><p><a href=\"/\">Repositories</a></p>"));

    private static Html Notice(string? notice) => notice is null ? Empty : H($"<p class=\"notice\" role=\"status\">{notice}</p>");

    private static string PullRequestLabel(string url)
    {
        var hash = url.LastIndexOf('/');
        return hash >= 0 && int.TryParse(url[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? $"#{number.ToString(CultureInfo.InvariantCulture)}" : "open";
    }
}

/// <summary>The audit page's filters and page (1-based), as read from its query string.</summary>
internal sealed record AuditFilter(string? Repository, string? RunId, string? Action, string? Outcome, int Page)
{
    public const int PageSize = 50;

    public AuditQuery Query() => new(
        Action: Action is null ? null : AuditAction.FromStored(Action),
        Outcome: Outcome is null ? null : AuditOutcome.FromStored(Outcome),
        Limit: PageSize + 1,
        Repository: Repository,
        RunId: RunId,
        Offset: (Page - 1) * PageSize);

    public string Link(int page)
    {
        var parts = new List<string>();
        Add("repo", Repository);
        Add("run", RunId);
        Add("action", Action);
        Add("outcome", Outcome);
        Add("page", page.ToString(CultureInfo.InvariantCulture));
        return "/audit?" + string.Join('&', parts);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
    }
}
