using System.CommandLine;
using Tidemark.Cli.Rendering;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary>
/// <c>tidemark audit</c>: the audit trail of the state store, newest first — every token use and every write, with the
/// token named by kind and fingerprint. Filters: <c>--since 7d</c>, <c>--action git.push</c> or a prefix <c>pr.</c>,
/// <c>--outcome denied</c>. A missing state database is bad input (exit 2): nothing has run there yet.
/// </summary>
internal static class AuditCommand
{
    private const int DefaultLimit = 100;

    public static Command Create(CliEnvironment env)
    {
        var since = new Option<string?>("--since") { Description = "Only events younger than this, e.g. 30m, 24h, 7d", HelpName = "DURATION" };
        var action = new Option<string?>("--action") { Description = "One action (git.push) or every action with a prefix ending in a dot (pr.)", HelpName = "ACTION" };
        var outcome = new Option<string?>("--outcome") { Description = "Only events with this outcome", HelpName = "ok|denied|failed" };
        outcome.AcceptOnlyFromAmong([.. AuditOutcomes.All]);
        var state = CommonOptions.State();
        var limit = new Option<int>("--limit") { Description = $"At most this many events (default {DefaultLimit})", HelpName = "N", DefaultValueFactory = _ => DefaultLimit };
        var output = CommonOptions.Output("table", "json");
        var command = new Command("audit", "List the audit trail: every token use and write, newest first")
        {
            since, action, outcome, state, limit, output,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, async () =>
        {
            var query = Query(env, parse.GetValue(since), parse.GetValue(action), parse.GetValue(outcome), parse.GetValue(limit));
            var path = CommonOptions.StatePath(parse.GetValue(state), env);
            var store = await CommonOptions.OpenStateAsync(path, existing: true, env.Time, env.Redactor, cancellationToken).ConfigureAwait(false);
            var records = await store.AuditReader.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            await AuditRenderer.WriteAsync(env.Out, records, parse.GetValue(output)!).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The store query the options ask for; a bad value is a usage error naming the option and what it accepts.</summary>
    internal static AuditQuery Query(CliEnvironment env, string? since, string? action, string? outcome, int limit)
    {
        if (limit < 1)
        {
            throw new UsageException($"--limit {limit}: give a number of events of at least 1");
        }

        var after = since is null ? (DateTimeOffset?)null : env.Time.GetUtcNow() - Durations.Parse(since, "--since");
        return new AuditQuery(after, action is null || IsPrefix(action) ? null : Exact(action), outcome, limit, action is not null && IsPrefix(action) ? Prefix(action) : null);
    }

    private static bool IsPrefix(string action) => action.EndsWith('.');

    private static string Exact(string action) =>
        AuditActions.All.Contains(action, StringComparer.Ordinal)
            ? action
            : throw new UsageException($"--action {action}: not an audit action; use one of {string.Join(", ", AuditActions.All)}, or a prefix ending in a dot such as pr.");

    private static string Prefix(string prefix) =>
        AuditActions.All.Any(a => a.StartsWith(prefix, StringComparison.Ordinal))
            ? prefix
            : throw new UsageException($"--action {prefix}: no audit action starts with it; prefixes are {string.Join(", ", AuditActions.All.Select(a => a[..(a.IndexOf('.', StringComparison.Ordinal) + 1)]).Distinct())}");
}
