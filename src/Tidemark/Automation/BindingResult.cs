using Tidemark.Manifests;

namespace Tidemark.Automation;

/// <summary>What binding found: references with their policies, references left alone on purpose, and unusable ones.</summary>
internal sealed record BindingResult(IReadOnlyList<GovernedReference> References, IReadOnlyList<NotUpdated> Ignored, IReadOnlyList<Skipped> Skipped)
{
    /// <summary>Every scope's binding as one (a site two overlapping scopes govern is listed once).</summary>
    public static BindingResult Merge(IEnumerable<BindingResult> bindings)
    {
        var all = bindings.ToList();
        return new BindingResult(
            [.. all.SelectMany(b => b.References).DistinctBy(r => r.Site, ReferenceEqualityComparer.Instance)],
            [.. all.SelectMany(b => b.Ignored).Distinct()],
            [.. all.SelectMany(b => b.Skipped).Distinct()]);
    }

    /// <summary>How every reference of the workspace binds, scope by scope under the mode in force.</summary>
    public static BindingResult Of(Workspace workspace, UpdateMode mode)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(mode);
        return Merge(mode.Scopes.Select(scope => ReferenceBinder.Bind(workspace.Discovery.Sites, workspace.Config, workspace.Flux, mode, scope)));
    }
}
