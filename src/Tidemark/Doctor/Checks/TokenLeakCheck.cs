using Tidemark.Credentials;

namespace Tidemark.Doctor.Checks;

/// <summary>The token's value must not be written in the repository's tracked files or <c>.env*</c> files; other token-shaped strings warn.</summary>
internal sealed class TokenLeakCheck : IDoctorCheck
{
    public string Name => CheckNames.TokenLeak;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.Authenticate];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.Checkout];

    public bool InTokenCheck => false;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var root = context.Checkout!.Workspace.Root;
        try
        {
            var shaped = await LeakedTokenScanner.EnsureNotLeakedAsync(root, context.Token!.Value, cancellationToken).ConfigureAwait(false);
            if (shaped.Count == 0)
            {
                return [Finding.Ok("the token is not written in the repository")];
            }

            return [.. shaped.Select(l => Finding.Warning(
                $"{l.File}:{l.Line}: a string shaped like a GitHub token ({l.Fingerprint}) is committed",
                "if it is real, revoke it and remove it from the repository"))];
        }
        catch (LeakedTokenException e)
        {
            return [Finding.Error(
                $"the token is written in the repository at {string.Join(", ", e.Leaks.Select(l => $"{l.File}:{l.Line}"))}: anyone who can read these files has it",
                "revoke it now, create a new one (`tidemark token new`), store it outside the repository, and remove it from those files (and from git history)")];
        }
    }
}
