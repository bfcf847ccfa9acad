using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Credentials.GitHubApp;
using Tidemark.Forges;
using Tidemark.Git;
using Tidemark.State;

namespace Tidemark.Doctor;

/// <summary>
/// What the checks share: the settings, the library services <see cref="DoctorRun"/> hands in (as delegates: the run's
/// checkout, the planning service, the token rotation's inspection of a next token), and the facts earlier checks
/// found for later ones (the login, the default branch, the clone).
/// </summary>
internal sealed class DoctorContext
{
    public required DoctorSettings Settings { get; init; }

    public required TimeProvider Time { get; init; }

    public required ISecretRedactor Redactor { get; init; }

    /// <summary>The token as read from its source, or null when <see cref="TokenError"/> says why not.</summary>
    public ResolvedToken? Token { get; init; }

    public TokenSourceException? TokenError { get; init; }

    /// <summary>When the token source is a GitHub App: its description, e.g. <c>GitHub App 12345 (key /etc/app.pem)</c>; null for other sources.</summary>
    public string? AppSource { get; init; }

    /// <summary>What the App's mint granted (no token value); null when the source is not an App or the mint failed.</summary>
    public AppMint? AppMint { get; init; }

    /// <summary>Why the App could not mint an installation token (reported by the <c>app-mint</c> check).</summary>
    public TokenSourceException? AppError { get; init; }

    /// <summary>For a GitHub App: mints a token that also carries workflows: write (the workflows check, when the update paths reach .github/workflows).</summary>
    public Func<CancellationToken, Task<AppMint>>? MintWithWorkflows { get; init; }

    /// <summary>
    /// During a rotation: reads and probes the next token and, given the checkout (null when it failed), proves what a run
    /// needs of it (push by git push --dry-run, pull requests, workflows); reads the rotation from the state store. Null
    /// when no next token is configured.
    /// </summary>
    public Func<DoctorCheckout?, CancellationToken, Task<NextTokenReport>>? ProbeNext { get; init; }

    /// <summary>The forge's diagnostics port with the token; null when there is no usable token.</summary>
    public IForgeDiagnostics? GitHub { get; init; }

    /// <summary>The same API without a token (the reachability probe).</summary>
    public required IForgeDiagnostics Anonymous { get; init; }

    public GitRunner? Git { get; init; }

    /// <summary>Clones (or fetches) the repository and reads its configuration at the base head.</summary>
    public Func<DoctorContext, CancellationToken, Task<DoctorCheckout>>? LoadCheckout { get; init; }

    /// <summary>Plans the workspace through the scan pipeline (lists every image's tags with the configured credentials).</summary>
    public Func<Workspace, CancellationToken, Task<Plan>>? PlanImages { get; init; }

    public Func<CancellationToken, Task<StateStore>>? OpenState { get; init; }

    public string? StatePath { get; init; }

    // facts found on the way

    public string? Login { get; set; }

    /// <summary>Classic scopes from <c>X-OAuth-Scopes</c>; null when GitHub sent none (fine-grained, App tokens).</summary>
    public IReadOnlyList<string>? Scopes { get; set; }

    /// <summary>The raw <c>GitHub-Authentication-Token-Expiration</c> header and the response's <c>Date</c>.</summary>
    public IReadOnlyDictionary<string, string>? ExpiryHeaders { get; set; }

    public long? RateRemaining { get; set; }

    public long? RateLimit { get; set; }

    public DateTimeOffset? RateReset { get; set; }

    public string? DefaultBranch { get; set; }

    public bool? Private { get; set; }

    public DoctorCheckout? Checkout { get; set; }

    public bool IsClassic => Scopes is not null || Token?.Inspection.Kind == TokenKind.ClassicPat;

    public TokenKind Kind => Token?.Inspection.Kind ?? TokenKind.Empty;

    public string BaseBranch => Checkout?.Settings.BaseBranch ?? DefaultBranch ?? "main";

    public string UpdateBranch => Checkout?.Settings.UpdateBranch ?? TidemarkConfig.DefaultUpdateBranch;

}
