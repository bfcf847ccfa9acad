using Tidemark.Configuration;
using Tidemark.Configuration.Flux;

namespace Tidemark.Automation;

/// <summary>
/// Which references a repository's updates may change, and why — said once at the top of <c>plan</c>. With Flux
/// objects, Flux semantics: one scope per <c>ImageUpdateAutomation</c>, only marked references inside its path
/// (plus the unmarked ones <c>tidemark.yaml</c> opts in); without, every reference found, by its policy.
/// </summary>
internal sealed record UpdateMode(IReadOnlyList<UpdateScope> Scopes, string Description)
{
    public bool IsFlux => Scopes.Any(s => s.IsFlux);

    public static UpdateMode Of(FluxObjects flux, TidemarkConfig config)
    {
        ArgumentNullException.ThrowIfNull(flux);
        ArgumentNullException.ThrowIfNull(config);
        if (flux.Automations.Count == 0)
        {
            return new UpdateMode([UpdateScope.Repository], "every reference found is updated by its policy (no Flux ImageUpdateAutomation in the repository)");
        }
        if (flux.Automations.FirstOrDefault(a => a.Unusable) is { } unusable)
        {
            throw new ConfigurationException([.. flux.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.File == unusable.Place.File)]);
        }
        var scopes = flux.Automations.Select(a => new UpdateScope(a, RepositoryPaths.Normalize(a.UpdatePath ?? ""))).ToList();
        var names = string.Join(", ", flux.Automations.Select(a => $"{a} ({a.Place.File}:{a.Place.Line})"));
        var unmarked = config.Unmarked switch
        {
            { UpdateAll: true } => $"; unmarked references too (unmarked.update in {config.Source})",
            { OptsInAny: true } => $"; unmarked references only where unmarked: in {config.Source} opts them in",
            _ => "; unmarked references are left as they are (opt in with unmarked: in tidemark.yaml)",
        };
        return new UpdateMode(scopes, $"Flux: only references with a setter marker, inside each automation's spec.update.path{unmarked} — ImageUpdateAutomation {names}");
    }
}
