using Tidemark.Git;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Clones (or fetches) the repository with the token, as <c>run</c> does, and reads tidemark.yaml (or the Flux
/// ImageUpdateAutomation) at the base head: the later checks then probe the update branch the repository configures.
/// </summary>
internal sealed class CheckoutCheck : IDoctorCheck
{
    public string Name => CheckNames.Checkout;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.ReadBase];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.Repository];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        try
        {
            var checkout = await context.LoadCheckout!(context, cancellationToken).ConfigureAwait(false);
            context.Checkout = checkout;
            var settings = checkout.Settings;
            return [Finding.Ok($"cloned {context.Settings.FullName} and read its configuration: base {settings.BaseBranch} at {checkout.BaseSha[..7]}, update branch {settings.UpdateBranch}, {checkout.Workspace.Discovery.Sites.Count} image references")];
        }
        catch (GitException e)
        {
            return [new Finding(CheckLevel.Error, e.Failure.Message, "fix the cause named here (see the checks above), then run `tidemark doctor` again", Denied: IsRefusal(e.Failure.Kind))];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [Finding.Error($"cannot read the repository's configuration: {e.Message}", "fix tidemark.yaml (or the Flux objects) as the message says, then run `tidemark doctor` again")];
        }
    }

    private static bool IsRefusal(GitFailureKind kind) =>
        kind is GitFailureKind.BadCredentials or GitFailureKind.NoWriteAccess or GitFailureKind.RepositoryNotFound or GitFailureKind.SsoRequired;
}
