using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Manifests;

namespace Tidemark.Automation;

/// <summary>
/// Flux's rules for which references an <c>ImageUpdateAutomation</c> changes (research/flux.md §3.2, §4.2): files
/// under its <c>spec.update.path</c>, markers naming an ImagePolicy in the automation's namespace that its
/// <c>policySelector</c> selects and that is not suspended. Unlike Flux, whatever is left out says why. Unmarked
/// references change only when <c>tidemark.yaml</c> opts them in (<see cref="UnmarkedConfig"/>).
/// </summary>
internal static class FluxScoping
{
    /// <summary>A site that belongs to another scope: not this scope's to report.</summary>
    public sealed record OtherScope;

    /// <summary>Why the site is not this scope's to update (a <see cref="NotUpdated"/>, a <see cref="Skipped"/> or <see cref="OtherScope"/>), or null to bind it.</summary>
    public static object? Exclude(ReferenceSite site, TidemarkConfig config, FluxObjects flux, UpdateMode mode, UpdateScope scope)
    {
        if (scope.Automation is not { } automation)
        {
            return null;
        }
        if (!scope.Contains(site.File))
        {
            return mode.Scopes.Any(s => s.Contains(site.File)) || !ReferenceEquals(mode.Scopes[0], scope)
                ? new OtherScope()
                : Left(site, $"outside spec.update.path of every ImageUpdateAutomation ({string.Join(", ", mode.Scopes.Select(s => s.DisplayPath).Distinct())}); Flux does not change it");
        }
        if (automation.Suspended)
        {
            return Left(site, $"{scope.Name} is suspended (spec.suspend: true at {automation.Place.File}:{automation.Place.Line})");
        }
        if (site.Marker is not { } marker)
        {
            return site.Image is { } image && config.Unmarked.OptsIn(site.File, image.Name, image.FamiliarName)
                ? null
                : Left(site, "not marked: Flux changes only references with a setter marker (opt in with unmarked: in tidemark.yaml)");
        }
        return ExcludeMarker(site, marker, flux, automation);
    }

    private static object? ExcludeMarker(ReferenceSite site, SetterMarker marker, FluxObjects flux, FluxImageUpdateAutomation automation)
    {
        var key = $"{marker.Namespace}:{marker.Name}";
        if (flux.FindPolicy(marker.Namespace, marker.Name) is not { } policy)
        {
            return null; // the binder reports the missing policy with its hint
        }
        if (marker.Namespace != automation.Namespace)
        {
            return new Skipped(site.File, marker.Line, $"setter marker names ImagePolicy {key}, but ImageUpdateAutomation {automation} is in namespace {automation.Namespace}; Flux applies only policies of the automation's own namespace");
        }
        if (!automation.Selects(policy))
        {
            return new Skipped(site.File, marker.Line, $"ImagePolicy {key} does not match the policySelector of ImageUpdateAutomation {automation} ({automation.Place.File}:{automation.Place.Line})");
        }
        return policy.Suspended
            ? new Skipped(site.File, marker.Line, $"ImagePolicy {key} is suspended (spec.suspend: true at {policy.Place})")
            : null;
    }

    private static NotUpdated Left(ReferenceSite site, string reason) =>
        new(site.Image?.FamiliarName ?? site.Written, site.Image?.Tag, reason, site.File, site.Line);
}
