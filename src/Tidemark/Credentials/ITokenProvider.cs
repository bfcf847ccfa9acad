using Tidemark.Credentials.GitHubApp;

namespace Tidemark.Credentials;

/// <summary>
/// The one token a command works with, as git and the forge's HTTP auth ask for it: <see cref="CurrentAsync"/> before
/// each use (its method group is the <c>Func&lt;CancellationToken, ValueTask&lt;string&gt;&gt;</c> they take). For env,
/// file and command sources it is the value read first; for a GitHub App, the cached installation token, minted anew
/// when it nears expiry. What callers need of an App is here too, so nobody casts to the source.
/// </summary>
internal interface ITokenProvider
{
    /// <summary>Where the token comes from, as configured.</summary>
    TokenSpec Spec { get; }

    /// <summary>The source, for messages. Example: <c>GITHUB_TOKEN</c>, <c>GitHub App 12345 (key /etc/app.pem)</c>.</summary>
    string Description { get; }

    /// <summary>The value read first, inspected and judged usable.</summary>
    ResolvedToken Resolved { get; }

    /// <summary>True when the token is minted per repository (a GitHub App).</summary>
    bool Mints { get; }

    /// <summary>The last successful mint (no value), for doctor; null unless <see cref="Mints"/> and minted.</summary>
    AppMint? LastMint { get; }

    /// <summary>The token to use now; every value handed out was registered with the redactor first.</summary>
    ValueTask<string> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>A minted token must carry <c>workflows: write</c> from now on (minted now if the current one lacks it); nothing for other sources.</summary>
    Task RequireWorkflowsAsync(CancellationToken cancellationToken);

    /// <summary>Mints a token with <c>workflows: write</c> now and says what GitHub granted; only when <see cref="Mints"/>.</summary>
    Task<AppMint> MintWithWorkflowsAsync(CancellationToken cancellationToken);
}
