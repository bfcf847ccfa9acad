using Tidemark.Git;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Step 11: git with the token (through <see cref="GitAuth"/>, as <c>run</c> pushes): <c>ls-remote</c> and a
/// <c>push --dry-run</c> to the update branch (GitHub checks write access before any object is sent). With
/// <c>--write-probe</c>, a real push of the base head to <c>refs/heads/tidemark-doctor-probe-*</c>, then its deletion.
/// </summary>
internal sealed class PushPermissionCheck : IDoctorCheck
{
    public string Name => CheckNames.PushPermission;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.PushBranch];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.Checkout];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var checkout = context.Checkout!;
        var probe = await checkout.Git.ProbeAccessAsync(context.UpdateBranch, cancellationToken).ConfigureAwait(false);
        if (probe.Failure is { } failure)
        {
            return [Explain(context, failure)];
        }

        var findings = new List<Finding> { Finding.Ok($"git may read and push to {context.Settings.FullName} (ls-remote and push --dry-run to {context.UpdateBranch})") };
        if (context.Settings.WriteProbe)
        {
            findings.Add(await WriteProbeAsync(context, checkout, cancellationToken).ConfigureAwait(false));
        }

        return findings;
    }

    private static async Task<Finding> WriteProbeAsync(DoctorContext context, DoctorCheckout checkout, CancellationToken cancellationToken)
    {
        var branch = "tidemark-doctor-probe-" + context.Settings.ProbeSuffix();
        try
        {
            await checkout.Git.PushAsync(branch, checkout.BaseSha, null, cancellationToken).ConfigureAwait(false);
            await checkout.Git.DeleteRemoteBranchAsync(branch, checkout.BaseSha, cancellationToken).ConfigureAwait(false);
            return Finding.Ok($"pushed and deleted refs/heads/{branch}");
        }
        catch (GitException e)
        {
            return Explain(context, e.Failure);
        }
    }

    private static Finding Explain(DoctorContext context, GitFailure failure)
    {
        var repo = context.Settings.FullName;
        return failure.Kind switch
        {
            GitFailureKind.NoWriteAccess => Finding.Refused(
                $"Cannot push to branch: the token may read {repo} but not write to it",
                TokenAdvice.Grant(context, "Contents: Read and write", "repo") + "; the token's user also needs the Write role"),
            GitFailureKind.BadCredentials => Finding.Refused("Cannot push: the token was rejected by git (expired or revoked)", $"{TokenAdvice.NewToken} and update {context.Settings.TokenSource}"),
            GitFailureKind.ProtectedBranch or GitFailureKind.RulesetViolation => Finding.Refused(
                $"Cannot push: branch protection or a ruleset blocks new branches ({string.Join("; ", failure.Reasons)})",
                "exclude Tidemark's branches from the protection/ruleset or add Tidemark's identity to the bypass list"),
            _ => Finding.Error(failure.Message, "fix the cause named here, then run `tidemark doctor` again"),
        };
    }
}
