using System.CommandLine;
using Tidemark.Cli.Rendering;
using Tidemark.Configuration;
using Tidemark.State;

namespace Tidemark.Cli.Commands;

/// <summary>
/// <c>tidemark audit</c>: the audit trail of the state store, newest first — every token use and every write, with the
/// token named by kind and fingerprint. Filters: <c>--since 7d</c>, <c>--action git.push</c> or a prefix <c>pr.</c>,
/// <c>--outcome denied</c>, <c>--repo acme/gitops</c> (the repository, its branches and pull requests), <c>--run RUN-ID</c>.
/// A missing state database is bad input (exit 2): nothing has run there yet.
/// </summary>
internal static class AuditCommand
{
    private const int DefaultLimit = 100;

    public static Command Create(CliEnvironment env)
    {
        var since = new Option<string?>("--since") { Description = "Only events younger than this, e.g. 30m, 24h, 7d", HelpName = "DURATION" };
        var action = new Option<string?>("--action") { Description = "One action (git.push) or every action with a prefix ending in a dot (pr.)", HelpName = "ACTION" };
        var outcome = new Option<string?>("--outcome") { Description = "Only events with this outcome", HelpName = "ok|denied|failed" };
        outcome.AcceptOnlyFromAmong([.. AuditOutcomes.All.Select(o => o.Name)]);
        var repo = new Option<string?>("--repo") { Description = "Only events of this repository: the repository itself, its branches (OWNER/NAME@BRANCH) and pull requests (OWNER/NAME#N)", HelpName = "OWNER/NAME" };
        var run = new Option<string?>("--run") { Description = "Only events of one `tidemark run` (the RUN column, e.g. 20261203T131404Z-1a2b3c)", HelpName = "RUN-ID" };
        var state = CommonOptions.State();
        var limit = new Option<int>("--limit") { Description = $"At most this many events (default {DefaultLimit})", HelpName = "N", DefaultValueFactory = _ => DefaultLimit };
        var output = CommonOptions.Output("table", "json");
        var command = new Command("audit", "List the audit trail: every token use and write, newest first")
        {
            since, action, outcome, repo, run, state, limit, output,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, async () =>
        {
            var query = Query(env, parse.GetValue(since), parse.GetValue(action), parse.GetValue(outcome), parse.GetValue(limit)) with
            {
                Repository = Repository(parse.GetValue(repo)), RunId = RunId(parse.GetValue(run)),
            };
            var composition = new Composition(env);
            var path = composition.StatePath(parse.GetValue(state));
            var store = await composition.OpenExistingStateAsync(path, cancellationToken).ConfigureAwait(false);
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
        return new AuditQuery(after, action is null || IsPrefix(action) ? null : Exact(action), outcome is null ? null : AuditOutcome.Find(outcome), limit, action is not null && IsPrefix(action) ? Prefix(action) : null);
    }

    /// <summary>OWNER/NAME (nested groups allowed: GROUP/SUB/NAME); not a branch or pull request target, no spaces.</summary>
    private static string? Repository(string? repo)
    {
        if (repo is null)
        {
            return null;
        }

        var parts = repo.Split('/');
        return parts.Length >= 2 && parts.All(p => p.Length > 0) && !repo.Any(c => char.IsWhiteSpace(c) || c is '@' or '#')
            ? repo
            : throw new UsageException($"--repo {repo}: write the repository as OWNER/NAME, e.g. --repo acme/gitops (its branches and pull requests are included)");
    }

    /// <summary>A run id as the RUN column shows it: letters, digits and dashes.</summary>
    private static string? RunId(string? run) =>
        run is null || (run.Length > 0 && run.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            ? run
            : throw new UsageException($"--run {run}: give a run id as the RUN column of `tidemark audit` shows it, e.g. --run 20261203T131404Z-1a2b3c");

    private static bool IsPrefix(string action) => action.EndsWith('.');

    private static AuditAction Exact(string action) =>
        AuditAction.Find(action)
            ?? throw new UsageException($"--action {action}: not an audit action; use one of {string.Join(", ", AuditActions.All)}, or a prefix ending in a dot such as pr.");

    private static string Prefix(string prefix) =>
        AuditActions.All.Any(a => a.Name.StartsWith(prefix, StringComparison.Ordinal))
            ? prefix
            : throw new UsageException($"--action {prefix}: no audit action starts with it; prefixes are {string.Join(", ", AuditActions.All.Select(a => a.Name[..(a.Name.IndexOf('.', StringComparison.Ordinal) + 1)]).Distinct())}");
}
