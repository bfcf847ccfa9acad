using Tidemark.Configuration;
using Tidemark.Manifests;
using Tidemark.Registries;

namespace Tidemark.Automation;

/// <summary>
/// Runs Lookup, Decide and Edit over a loaded <see cref="Workspace"/> and records the outcome once as a
/// <see cref="Plan"/>. Touches no file: edits are returned as text.
/// </summary>
internal sealed class Planner(ITagSource tags, IDigestSource digests)
{
    /// <summary>The plan of the repository's only scope (no Flux automation), or of the first automation's.</summary>
    public Task<Plan> PlanAsync(Workspace workspace, bool explain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var mode = UpdateMode.Of(workspace.Flux, workspace.Config);
        return PlanAsync(workspace, mode, mode.Scopes[0], explain, cancellationToken);
    }

    /// <summary>The plan of one scope: its references only, its edits only (a Flux automation's path).</summary>
    public async Task<Plan> PlanAsync(Workspace workspace, UpdateMode mode, UpdateScope scope, bool explain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var binding = await FloatingAsync(ReferenceBinder.Bind(workspace.Discovery.Sites, workspace.Config, workspace.Flux, mode, scope), workspace.Discovery.Sites, cancellationToken).ConfigureAwait(false);
        var (listings, failures) = await LookupAsync(binding.References, cancellationToken).ConfigureAwait(false);
        var decisions = Decider.Decide(binding.References, listings, failures, workspace.Config.Groups, explain);
        var updates = decisions.OfType<Decision.Update>().ToDictionary(d => d.Key);
        var (digestMap, digestErrors) = await DigestsAsync(binding.References, updates, cancellationToken).ConfigureAwait(false);
        foreach (var key in digestErrors.Keys)
        {
            updates.Remove(key);
        }
        var (edits, editErrors) = EditStage.Apply(binding.References, updates, digestMap, file => ReadText(workspace.Root, file));
        var discoverySkipped = ReferenceEquals(scope, mode.Scopes[0]) ? workspace.Discovery.Skipped : [];
        var fluxErrors = ReferenceEquals(scope, mode.Scopes[0]) ? FluxErrors(workspace) : [];
        return PlanBuilder.Build(binding, decisions, updates, digestMap, edits, [.. fluxErrors, .. failures.Values.Select(f => f.Message).Distinct(), .. digestErrors.Values, .. editErrors], discoverySkipped, failures) with { Scope = scope };
    }

    private async Task<(Dictionary<string, TagListing> Listings, Dictionary<string, RegistryException> Failures)> LookupAsync(IReadOnlyList<GovernedReference> references, CancellationToken cancellationToken)
    {
        var repositories = references.Select(r => r.Image).DistinctBy(i => i.Name).ToList();
        var tasks = repositories.Select(async image =>
        {
            try
            {
                return (image.Name, Listing: await tags.ListTagsAsync(new RegistryRepository(image.Registry, image.Repository), cancellationToken).ConfigureAwait(false), Failure: (RegistryException?)null);
            }
            catch (RegistryException e)
            {
                return (image.Name, Listing: (TagListing?)null, Failure: e);
            }
        });
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        return (
            results.Where(r => r.Listing is not null).ToDictionary(r => r.Name, r => r.Listing!),
            results.Where(r => r.Failure is not null).ToDictionary(r => r.Name, r => r.Failure!));
    }

    /// <summary>
    /// A floating chart or artifact (a version range Flux resolves) is never pinned; its reason says what the range
    /// resolves to today, from the same (memoised, cached) listing, or why that is not known.
    /// </summary>
    private async Task<BindingResult> FloatingAsync(BindingResult binding, IReadOnlyList<ReferenceSite> sites, CancellationToken cancellationToken)
    {
        var floating = sites.Where(s => s.Floating is not null && s.Image is not null).DistinctBy(s => (s.File, s.Line)).ToDictionary(s => (s.File, s.Line));
        if (floating.Count == 0)
        {
            return binding;
        }
        var ignored = new List<NotUpdated>();
        foreach (var item in binding.Ignored)
        {
            ignored.Add(item.File is { } file && floating.TryGetValue((file, item.Line), out var site)
                ? item with { Reason = item.Reason + await ResolvesToAsync(site, cancellationToken).ConfigureAwait(false) }
                : item);
        }
        return binding with { Ignored = ignored };
    }

    private async Task<string> ResolvesToAsync(ReferenceSite site, CancellationToken cancellationToken)
    {
        var range = Versions.SemverRange.Parse(site.Floating!);
        if (!range.Succeeded)
        {
            return $"; the range cannot be read ({range.Error})";
        }
        try
        {
            var listing = await tags.ListTagsAsync(new RegistryRepository(site.Image!.Registry, site.Image.Repository), cancellationToken).ConfigureAwait(false);
            var selected = Versions.TagSelector.Select(new Versions.SemverRangePolicy(range.Value!), null, listing.Tags, null).Selected;
            return selected is null ? "; no version matches it today" : $"; it resolves to {selected} today";
        }
        catch (RegistryException e)
        {
            return $"; what it resolves to is not known ({e.Message})";
        }
    }

    private async Task<(Dictionary<ImageKey, string> Digests, Dictionary<ImageKey, string> Errors)> DigestsAsync(IReadOnlyList<GovernedReference> references, Dictionary<ImageKey, Decision.Update> updates, CancellationToken cancellationToken)
    {
        var digestsByKey = new Dictionary<ImageKey, string>();
        var errors = new Dictionary<ImageKey, string>();
        foreach (var reference in references.Where(r => updates.ContainsKey(r.Key) && NeedsDigest(r)).DistinctBy(r => r.Key))
        {
            var update = updates[reference.Key];
            try
            {
                digestsByKey[reference.Key] = await digests.GetDigestAsync(new RegistryRepository(reference.Image.Registry, reference.Image.Repository), update.To, cancellationToken).ConfigureAwait(false);
            }
            catch (RegistryException e)
            {
                errors[reference.Key] = $"{reference.Image.FamiliarName} was not moved to {update.To}: its digest could not be read ({e.Message})";
            }
        }
        return (digestsByKey, errors);
    }

    private static bool NeedsDigest(GovernedReference reference) =>
        reference.Setter?.NeedsDigest ?? reference.Image.Digest is not null;

    private static IEnumerable<string> FluxErrors(Workspace workspace) =>
        workspace.Flux.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());

    private static string ReadText(string root, string file) =>
        ManifestText.Decode(File.ReadAllBytes(Path.Combine(root, file))) ?? throw new InvalidOperationException($"{file} is no longer UTF-8");
}
