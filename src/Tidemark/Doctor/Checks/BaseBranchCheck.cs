namespace Tidemark.Doctor.Checks;

/// <summary>Step 8: <c>GET /repos/o/r/git/ref/heads/BASE</c> — the base exists and the token may read contents.</summary>
internal sealed class BaseBranchCheck : IDoctorCheck
{
    public string Name => CheckNames.BaseBranch;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.ReadBase];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.Repository];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var branch = context.BaseBranch;
        var response = await context.GitHub!.BranchHeadAsync(branch, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            200 => [Finding.Ok($"base branch {branch} exists (at {response.String("object", "sha")?[..7]})")],
            404 => [Finding.Error(
                $"Base branch {branch} does not exist in {context.Settings.FullName}; pull requests would fail with 422 base invalid",
                "set baseBranch in tidemark.yaml (or checkout.ref.branch of the ImageUpdateAutomation) to an existing branch")],
            403 => [Finding.Refused(
                $"Cannot read the base branch: the token lacks Contents: read ({TokenAdvice.Wanted(response)})",
                TokenAdvice.Grant(context, "Contents: Read and write", "repo"))],
            _ => [TokenAdvice.Unexpected($"GitHub refused to show branch {branch}", response)],
        };
    }
}
