using Spectre.Console;
using Tidemark.Automation;
using Tidemark.Manifests;

namespace Tidemark.Cli.Rendering;

/// <summary>Renders <c>tidemark refs</c>: a table, or the JSON documented in docs/manifests.md.</summary>
internal static class RefsRenderer
{
    public static Task WriteAsync(TextWriter writer, Workspace workspace, UpdateMode mode, BindingResult binding, string format)
    {
        // One lookup each, not a scan of every binding per site: refs runs over repositories with ~100,000 references.
        var governed = binding.References.ToDictionary(r => r.Site, r => r, (IEqualityComparer<ReferenceSite>)ReferenceEqualityComparer.Instance);
        var ignored = binding.Ignored.Where(i => i.File is not null).ToLookup(i => (i.File, i.Line));
        var rows = workspace.Discovery.Sites.Select(site => Row(site, governed.GetValueOrDefault(site), ignored[(site.File, site.Line)].FirstOrDefault())).ToList();
        var skipped = workspace.Discovery.Skipped.Concat(binding.Skipped).OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line)
            .Select(s => new SkippedJson(s.File, s.Line, s.Reason)).ToList();
        if (format == "json")
        {
            return JsonOutput.WriteAsync(writer, new RefsJson(rows.OfType<ReferenceJson>().ToList(), skipped));
        }
        var console = Consoles.For(writer);
        var table = new TextTable(null, "FILE:LINE", "KIND", "IMAGE", "POLICY");
        foreach (var row in rows.OfType<ReferenceJson>())
        {
            table.AddRow($"{row.File}:{row.Line}", row.Kind, row.Image, row.Policy);
        }
        table.Write(writer);
        console.WriteLine($"{rows.OfType<ReferenceJson>().Count()} reference(s) in {workspace.Discovery.FilesRead} file(s); {skipped.Count} skipped");
        console.WriteLine($"Mode: {mode.Description}");
        foreach (var skip in skipped)
        {
            console.WriteLine($"  skipped {skip.File}:{skip.Line}: {skip.Reason}");
        }
        return Task.CompletedTask;
    }

    private static ReferenceJson? Row(ReferenceSite site, GovernedReference? governed, NotUpdated? ignored)
    {
        if (governed is null && ignored is null)
        {
            return null;
        }
        var image = governed?.Image ?? site.Image;
        var policy = governed is not null ? governed.Policy.Text : $"none ({ignored!.Reason})";
        return new ReferenceJson(site.File, site.Line, site.Column, site.Kind, site.Written, image?.Registry, image?.Repository, image?.Tag ?? site.Floating, image?.Digest, policy, governed?.Origin, site.Artifact.Name());
    }
}
