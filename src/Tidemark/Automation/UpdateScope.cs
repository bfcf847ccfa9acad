using Tidemark.Configuration;
using Tidemark.Configuration.Flux;

namespace Tidemark.Automation;

/// <summary>
/// One unit of updates — one update branch and one pull request: a Flux <c>ImageUpdateAutomation</c> with its
/// <c>spec.update.path</c> (e.g. <c>infrastructure</c>), or, when the repository holds none, the whole repository.
/// </summary>
internal sealed record UpdateScope(FluxImageUpdateAutomation? Automation, string Path)
{
    /// <summary>The whole repository, every reference governed by <c>tidemark.yaml</c> (no Flux automation).</summary>
    public static UpdateScope Repository { get; } = new(null, "");

    /// <summary>Flux semantics: only marked references change unless <c>tidemark.yaml</c> opts others in.</summary>
    public bool IsFlux => Automation is not null;

    /// <summary>How the scope is named in output: <c>ImageUpdateAutomation flux-system/cert-manager</c>, or <c>the repository</c>.</summary>
    public string Name => Automation is { } automation ? $"ImageUpdateAutomation {automation}" : "the repository";

    /// <summary>Whether the repository-relative <paramref name="file"/> is inside <see cref="Path"/>.</summary>
    public bool Contains(string file) => RepositoryPaths.Contains(Path, file);

    /// <summary>The path as Flux users write it, e.g. <c>./infrastructure</c>, or <c>./</c> for the root.</summary>
    public string DisplayPath => "./" + Path;
}
