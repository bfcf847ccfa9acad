using System.Text.Json.Nodes;
using Tidemark.Automation;
using Tidemark.Credentials.GitHubApp;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Forges;
using Tidemark.Forges.GitHub;
using Tidemark.Git;

namespace Tidemark.Credentials;

/// <summary>
/// Proves, against the repository and without changing anything, each capability a run needs of a token before it is
/// adopted (issue #10 §1): read (the forge's read probe), push (<c>git ls-remote</c> and <c>git push --dry-run</c> to the
/// update branch, with this token), pull requests (<c>POST /pulls</c> from a branch that does not exist: 422 proves the
/// permission and creates nothing, 403 names what is missing) and — when the update paths reach .github/workflows —
/// workflows (a classic token's listed <c>workflow</c> scope, an App's mint with workflows: write; GitHub does not show a
/// fine-grained token's Workflows permission, so for such a token it stays unproven).
/// </summary>
internal static class RunTokenProof
{
    private const string PullRequests = "create pull requests";
    private const string Workflows = "change files under .github/workflows";

    /// <summary><paramref name="git"/> is the clone, opened with <paramref name="token"/>'s credentials.</summary>
    public static async Task<TokenProof> ProveAsync(RunCredentials token, TokenProbe probe, GitRepository git, TokenTarget target, PublishSettings settings,
        IReadOnlyList<string> updatePaths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        var read = $"read {target.FullName}";
        var proof = TokenProof.Of([]);
        if (!probe.Works)
        {
            return proof.Lacks(read, probe.Problem?.Message ?? "GitHub refused it", "give the token access to the repository (Contents: Read and write, Metadata: Read)");
        }

        proof = proof.With(read);
        proof = await PushAsync(proof, git, settings.UpdateBranch, cancellationToken).ConfigureAwait(false);
        if (!proof.Complete)
        {
            return proof;
        }

        using var api = ForgeRegistry.Default["github"].Diagnose(
            new ForgeConnection(target.ApiBase, target.Owner, target.Repository, token.Current, TimeProvider.System, NullLogger.Instance));
        proof = await PullRequestsAsync(proof, api, target, settings.BaseBranch, cancellationToken).ConfigureAwait(false);
        if (!proof.Complete || !updatePaths.Any(WorkflowPaths.Touches))
        {
            return proof;
        }

        return await WorkflowsAsync(proof, token, api, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The paths a run may change: tidemark.yaml's <c>paths</c> and each ImageUpdateAutomation's update path.</summary>
    public static IReadOnlyList<string> UpdatePaths(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return [.. workspace.Config.Paths, .. workspace.Flux.Automations.Select(a => a.UpdatePath).OfType<string>()];
    }

    private static async Task<TokenProof> PushAsync(TokenProof proof, GitRepository git, string branch, CancellationToken cancellationToken)
    {
        var access = await git.ProbeAccessAsync(branch, cancellationToken).ConfigureAwait(false);
        if (access.Failure is not { } failure)
        {
            return proof.With($"push to {branch} (git push --dry-run)");
        }

        return access.CanRead
            ? proof.Lacks($"push to {branch}", failure.Message, "grant the token Contents: Read and write (classic: the repo scope); its user needs the Write role")
            : proof.Lacks("read the repository with git", failure.Message, "give the token access to the repository (Contents: Read and write)");
    }

    private static async Task<TokenProof> PullRequestsAsync(TokenProof proof, IForgeDiagnostics api, TokenTarget target, string baseBranch, CancellationToken cancellationToken)
    {
        var head = "tidemark-token-probe-" + Guid.NewGuid().ToString("N")[..12];
        var body = new JsonObject { ["title"] = "tidemark token probe (never created)", ["head"] = head, ["base"] = baseBranch };
        var response = await api.WriteProbeAsync(body, cancellationToken).ConfigureAwait(false);
        if (response.Status == 422)
        {
            return proof.With(PullRequests);
        }

        var wanted = response.Header("X-Accepted-GitHub-Permissions") is { Length: > 0 } accepted ? $"; GitHub asks for {accepted}" : "";
        return proof.Lacks(PullRequests, $"{response.Describe()}{wanted}", "grant the token Pull requests: Read and write (classic: the repo scope)");
    }

    private static async Task<TokenProof> WorkflowsAsync(TokenProof proof, RunCredentials token, IForgeDiagnostics api, CancellationToken cancellationToken)
    {
        if (token.Source is AppTokenSource app)
        {
            try
            {
                app.Require(AppPermissions.Workflows, "write");
                await app.MintAsync(cancellationToken).ConfigureAwait(false);
                return proof.With(Workflows);
            }
            catch (TokenSourceException e)
            {
                return proof.Lacks(Workflows, e.Problem, e.Fix);
            }
        }

        var user = await api.UserAsync(cancellationToken).ConfigureAwait(false);
        if (user.Header("X-OAuth-Scopes") is not { } scopes)
        {
            return proof.Lacks(Workflows, "GitHub does not show whether a fine-grained token has Workflows: Read and write, and only a push that changes a workflow file would prove it",
                "make sure it has Workflows: Read and write, then make it the current token yourself (token) and remove nextToken; or keep .github/workflows out of the update paths", denied: false);
        }

        return scopes.Split(',', StringSplitOptions.TrimEntries).Contains("workflow")
            ? proof.With(Workflows)
            : proof.Lacks(Workflows, "the classic token lacks the workflow scope", "tick workflow on the token at https://github.com/settings/tokens");
    }
}
