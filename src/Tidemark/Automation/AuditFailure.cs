using System.Text.Json;
using Tidemark.Forges;
using Tidemark.Git;
using Tidemark.Registries;
using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>
/// A failed action as the audit trail records it: <c>denied</c> when the credential or a repository rule refused it
/// (GH006 protected branch, GH013 ruleset, missing permission, bad credentials, SSO), else <c>failed</c>; the kind is
/// the classified cause, e.g. ("denied", "protected-branch", "the branch is protected …").
/// </summary>
internal sealed record AuditFailure(AuditOutcome Outcome, string Kind, string Summary)
{
    private const int MaxSummary = 500;

    public string Detail => $"{Kind}: {Summary}";

    public static AuditFailure Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            GitException git => new(IsDenial(git.Failure.Actor) ? AuditOutcomes.Denied : AuditOutcomes.Failed, Name(git.Kind), FirstLine(git.Failure.Message)),
            ForgeException forge => new(IsDenial(forge.Kind) ? AuditOutcomes.Denied : AuditOutcomes.Failed, Name(forge.Kind), FirstLine(forge.Message)),
            RegistryException registry => new(registry.Kind == RegistryErrorKind.Unauthorized ? AuditOutcomes.Denied : AuditOutcomes.Failed, Name(registry.Kind), FirstLine(registry.Message)),
            OperationCanceledException => new(AuditOutcomes.Failed, "cancelled", "the operation was cancelled"),
            _ => new(AuditOutcomes.Failed, "error", FirstLine(exception.Message)),
        };
    }

    private static bool IsDenial(GitFailureActor actor) => actor is GitFailureActor.TokenOwner or GitFailureActor.RepositoryAdmin;

    private static bool IsDenial(ForgeErrorKind kind) =>
        kind is ForgeErrorKind.BadCredentials or ForgeErrorKind.NotFound or ForgeErrorKind.MissingPermission or ForgeErrorKind.SsoRequired or ForgeErrorKind.OrganizationPolicy;

    private static string Name<T>(T kind) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > MaxSummary ? line[..MaxSummary] + "…" : line;
    }
}
