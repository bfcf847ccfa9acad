namespace Tidemark.Testing.GitHub;

/// <summary>The kinds of GitHub access token the simulator models.</summary>
public enum TokenKind
{
    /// <summary>Personal access token (classic), value <c>ghp_…</c>, carries OAuth scopes.</summary>
    Classic,

    /// <summary>Fine-grained personal access token, value <c>github_pat_…</c>, carries per-repository permissions.</summary>
    FineGrained,

    /// <summary>GitHub App installation token, value <c>ghs_…</c>, minted by the access_tokens endpoint.</summary>
    Installation,
}
