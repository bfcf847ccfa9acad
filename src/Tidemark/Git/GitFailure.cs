namespace Tidemark.Git;

/// <summary>
/// A classified git failure: its kind, who must act, a message for people (what happened, where, what to
/// do) and the details extracted from git's output.
/// </summary>
/// <param name="Reasons">GH006/GH013 reason lines or push-protection findings, without the <c>remote:</c> prefix.</param>
/// <param name="SsoUrl">The SAML SSO authorisation URL GitHub printed, for <see cref="GitFailureKind.SsoRequired"/>.</param>
/// <param name="WorkflowFile">The workflow file named by <see cref="GitFailureKind.WorkflowPermission"/>.</param>
/// <param name="MissingGrant">"`workflow` scope" (classic PAT, OAuth app) or "`workflows` permission" (fine-grained PAT, GitHub App).</param>
internal sealed record GitFailure(
    GitFailureKind Kind,
    GitFailureActor Actor,
    string Message,
    IReadOnlyList<string> Reasons,
    string? SsoUrl = null,
    string? WorkflowFile = null,
    string? MissingGrant = null);
