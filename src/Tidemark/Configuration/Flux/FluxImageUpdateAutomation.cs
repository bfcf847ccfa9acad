namespace Tidemark.Configuration.Flux;

/// <summary>An <c>ImageUpdateAutomation</c>: the branches, commit author and message, and update path.</summary>
internal sealed record FluxImageUpdateAutomation(
    string Namespace,
    string Name,
    string? CheckoutBranch,
    string? PushBranch,
    string? AuthorName,
    string? AuthorEmail,
    string? MessageTemplate,
    string? UpdatePath,
    SourcePlace Place)
{
    /// <summary>Where the template's first line is in the file (the line after <c>|</c> or <c>&gt;</c> for a block scalar).</summary>
    public SourcePlace? MessageTemplatePlace { get; init; }

    /// <summary><c>spec.git.commit.messageTemplateValues</c>, exposed to the template as <c>.Values</c>.</summary>
    public IReadOnlyDictionary<string, string> MessageTemplateValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The object cannot be used as written (an unknown <c>spec.update.strategy</c>, a path outside the repository): the diagnostics say where.</summary>
    public bool Unusable { get; init; }

    /// <summary><c>spec.suspend: true</c>: Flux makes no update for this automation, and neither does Tidemark.</summary>
    public bool Suspended { get; init; }

    /// <summary>
    /// The branch named by <c>spec.git.push.refspec</c> when it pushes to a branch (<c>refs/heads/a:refs/heads/b</c> →
    /// <c>b</c>); a refspec to anything else (Gerrit's <c>refs/for/main</c>) has no branch to open a pull request from.
    /// </summary>
    public string? RefspecBranch { get; init; }

    /// <summary><c>spec.policySelector.matchLabels</c>: only ImagePolicies with all these labels; null selects every policy.</summary>
    public IReadOnlyDictionary<string, string>? PolicyLabels { get; init; }

    /// <summary>The push branch Flux would use: <c>spec.git.push.branch</c>, else the branch of <c>push.refspec</c>.</summary>
    public string? UpdateBranch => PushBranch ?? RefspecBranch;

    /// <summary>Whether the automation's <c>policySelector</c> selects a policy with these labels.</summary>
    public bool Selects(FluxImagePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PolicyLabels is null || PolicyLabels.All(l => policy.Labels.TryGetValue(l.Key, out var value) && value == l.Value);
    }

    /// <summary>How the automation is named in output: <c>flux-system/cert-manager</c>.</summary>
    public override string ToString() => $"{Namespace}/{Name}";
}
