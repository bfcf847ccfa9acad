using Tidemark.Credentials;
using Tidemark.Credentials.GitHubApp;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Step 12: when the update paths reach <c>.github/workflows</c>, GitHub refuses pushes that change workflow files
/// unless a classic token has the <c>workflow</c> scope (fine-grained tokens and Apps: Workflows: write).
/// </summary>
internal sealed class WorkflowsCheck : IDoctorCheck
{
    private const string Folder = ".github/workflows";

    public string Name => CheckNames.Workflows;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.ModifyWorkflows];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.Checkout];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.MintWithWorkflows is { } mint && Reaches(context.Checkout!.Workspace.Config.Paths, context.Checkout.Workspace.Root))
        {
            return [await MintAsync(mint, cancellationToken).ConfigureAwait(false)];
        }

        return [Judge(context)];
    }

    /// <summary>A GitHub App shows what it may do: a token minted with workflows: write proves the grant, a 422 names what is missing.</summary>
    private static async Task<Finding> MintAsync(Func<CancellationToken, Task<AppMint>> mint, CancellationToken cancellationToken)
    {
        try
        {
            var minted = await mint(cancellationToken).ConfigureAwait(false);
            return Finding.Ok($"the update paths include .github/workflows and the App's installation token carries workflows: {minted.Permissions.GetValueOrDefault(AppPermissions.Workflows, "write")}");
        }
        catch (TokenSourceException e)
        {
            return Finding.Refused($"Push rejected when an update touches .github/workflows: {e.TokenSource} {e.Problem}", $"{e.Fix}; or keep .github/workflows out of the update paths");
        }
    }

    private static Finding Judge(DoctorContext context)
    {
        var workspace = context.Checkout!.Workspace;
        if (!Reaches(workspace.Config.Paths, workspace.Root))
        {
            return Finding.Ok($"no workflow files in the update paths: the workflow scope / Workflows permission is not needed");
        }

        if (context.IsClassic)
        {
            return context.Scopes?.Contains("workflow") == true
                ? Finding.Ok("the update paths include .github/workflows and the classic token has the workflow scope")
                : Finding.Refused(
                    "Push rejected when an update touches .github/workflows: the update paths include workflow files and the classic token lacks the `workflow` scope",
                    "tick `workflow` on the token at https://github.com/settings/tokens, or keep .github/workflows out of the update paths (paths: in tidemark.yaml)");
        }

        var who = context.Kind is TokenKind.Installation or TokenKind.InstallationStateless ? "GitHub App" : "fine-grained token";
        return Finding.Warning(
            $"the update paths include .github/workflows; GitHub does not show whether the {who} has Workflows: Read and write",
            $"make sure the {who} has Workflows: Read and write, or keep .github/workflows out of the update paths");
    }

    /// <summary>Whether an update may touch workflow files: a path at or under (or above) .github/workflows, or no paths (the whole tree) and workflow files exist.</summary>
    private static bool Reaches(IReadOnlyList<string> paths, string root)
    {
        var clean = paths.Select(p => p.Trim().Trim('/').Replace('\\', '/')).Where(p => p.Length > 0 && p != ".").ToList();
        if (clean.Count == 0)
        {
            var folder = Path.Combine(root, ".github", "workflows");
            return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any();
        }

        return clean.Any(p => p == Folder || p.StartsWith(Folder + "/", StringComparison.Ordinal) || Folder.StartsWith(p + "/", StringComparison.Ordinal));
    }
}
