using Tidemark.Configuration.Flux;
using Tidemark.Images;
using Tidemark.Templating;

namespace Tidemark.Automation;

/// <summary>
/// The data a Flux <c>messageTemplate</c> is executed with, built from the plan (flux.md §3.3):
/// <c>.AutomationObject</c> (prints <c>namespace/name</c>), <c>.Values</c> (<c>messageTemplateValues</c>),
/// <c>.Changed.FileChanges</c> (file relative to <c>update.path</c> → object → changes), <c>.Changed.Changes</c>
/// (de-duplicated <c>OldValue</c>/<c>NewValue</c>/<c>Setter</c>), <c>.Changed.Objects</c> (changes per object across
/// files). The removed <c>.Updated</c> (and v1beta2's <c>.Changed.ImageResult</c>) are mapped to the same changes —
/// <c>.Images</c>, <c>.Files</c>, <c>.Objects</c> of image references — instead of failing as Flux does. Unlike Flux,
/// every iteration order is fixed: files and objects sorted, changes in file order.
/// </summary>
internal static class FluxTemplateData
{
    public static TemplateStruct Build(Plan plan, FluxImageUpdateAutomation automation)
    {
        var texts = plan.Edits.ToDictionary(e => e.File, e => e.Original, StringComparer.Ordinal);
        var sites = plan.Changes.SelectMany(c => c.Sites.Select(s => (Change: c, Site: s, Object: Identify(texts, s))))
            .OrderBy(s => s.Site.File, StringComparer.Ordinal).ThenBy(s => s.Site.Line).ToList();
        var legacy = Legacy(sites, automation.UpdatePath);
        var changed = new TemplateStruct("ResultV2",
        [
            new("FileChanges", Map("map[string]ObjectChanges", sites.GroupBy(s => Relative(s.Site.File, automation.UpdatePath), StringComparer.Ordinal)
                .Select(file => new KeyValuePair<object, object?>(file.Key, ObjectChanges(file))))),
            new("Changes", Changes(sites)),
            new("Objects", ObjectChanges(sites)),
            new("ImageResult", legacy),
        ]);
        return new TemplateStruct("TemplateData",
        [
            new("AutomationObject", new TemplateStruct("NamespacedName", [new("Namespace", automation.Namespace), new("Name", automation.Name)], $"{automation.Namespace}/{automation.Name}")),
            new("Changed", changed),
            new("Values", TemplateMap.OfStrings(automation.MessageTemplateValues)),
            new("Updated", legacy),
        ]);
    }

    private static ObjectIdentity Identify(Dictionary<string, string> texts, SiteChange site) =>
        texts.TryGetValue(site.File, out var text) ? ObjectIdentity.At(text, site.Line) : ObjectIdentity.Empty;

    private static TemplateMap ObjectChanges(IEnumerable<(PlannedChange Change, SiteChange Site, ObjectIdentity Object)> sites) =>
        Map("ObjectChanges", sites.GroupBy(s => s.Object).OrderBy(g => g.Key, ObjectOrder)
            .Select(o => new KeyValuePair<object, object?>(Identifier(o.Key), Changes(o))));

    /// <summary>Changes de-duplicated on (old, new, setter), as Flux's <c>Changes()</c> does.</summary>
    private static TemplateList Changes(IEnumerable<(PlannedChange Change, SiteChange Site, ObjectIdentity Object)> sites) =>
        new("[]Change", [.. sites.Select(s => (s.Site.OldValue, s.Site.NewValue, s.Site.Setter)).Distinct()
            .Select(c => new TemplateStruct("Change", [new("OldValue", c.OldValue), new("NewValue", c.NewValue), new("Setter", c.Setter)]))]);

    /// <summary>ObjectIdentifier embeds kyaml's ResourceIdentifier{TypeMeta{APIVersion, Kind}, NameMeta{Name, Namespace}}: its fields are promoted, %v nests braces.</summary>
    private static TemplateStruct Identifier(ObjectIdentity o) =>
        new("ObjectIdentifier", [new("APIVersion", o.ApiVersion), new("Kind", o.Kind), new("Name", o.Name), new("Namespace", o.Namespace)],
            $"{{{{{{{o.ApiVersion} {o.Kind}}} {{{o.Name} {o.Namespace}}}}}}}");

    /// <summary>The v1beta1 <c>update.Result</c>: <c>.Files</c> (file → <c>.Objects</c>), <c>.Objects</c> and <c>.Images</c>, each image printing as <c>name:tag</c>.</summary>
    private static TemplateStruct Legacy(List<(PlannedChange Change, SiteChange Site, ObjectIdentity Object)> sites, string? updatePath)
    {
        TemplateMap Objects(IEnumerable<(PlannedChange Change, SiteChange Site, ObjectIdentity Object)> part) =>
            Map("map[ObjectIdentifier][]ImageRef", part.GroupBy(s => s.Object).OrderBy(g => g.Key, ObjectOrder)
                .Select(o => new KeyValuePair<object, object?>(Identifier(o.Key), Images(o))));

        return new TemplateStruct("Result",
        [
            new("Files", Map("map[string]FileResult", sites.GroupBy(s => Relative(s.Site.File, updatePath), StringComparer.Ordinal)
                .Select(f => new KeyValuePair<object, object?>(f.Key, new TemplateStruct("FileResult", [new("Objects", Objects(f))]))))),
            new("Objects", Objects(sites)),
            new("Images", Images(sites)),
        ]);
    }

    private static TemplateList Images(IEnumerable<(PlannedChange Change, SiteChange Site, ObjectIdentity Object)> sites) =>
        new("[]ImageRef", [.. sites.DistinctBy(s => (s.Change.Image, s.Change.To, PolicyOf(s.Site))).Select(s => ImageRef(s.Change, s.Site))]);

    private static string PolicyOf(SiteChange site) => string.Join(':', site.Setter.Split(':').Take(2));

    private static TemplateStruct ImageRef(PlannedChange change, SiteChange site)
    {
        var parsed = ImageReference.Parse(change.Image) is ReferenceParseResult.Parsed { Reference: var image } ? image : null;
        var registry = parsed?.Registry == ImageReference.DockerHub ? "index.docker.io" : parsed?.Registry ?? "";
        var policy = site.Setter.Split(':');
        var policyName = policy.Length >= 2 ? new TemplateStruct("NamespacedName", [new("Namespace", policy[0]), new("Name", policy[1])], $"{policy[0]}/{policy[1]}") : null;
        return new TemplateStruct("ImageRef",
        [
            new("Identifier", change.To),
            new("Repository", parsed?.Repository ?? change.Image),
            new("Registry", registry),
            new("Name", parsed is null ? change.Image : $"{registry}/{parsed.Repository}"),
            new("Policy", policyName),
        ], $"{change.Image}:{change.To}");
    }

    /// <summary>A repository path relative to <c>update.path</c> (<c>./infrastructure</c> + <c>infrastructure/a.yaml</c> → <c>a.yaml</c>); files outside it keep their path.</summary>
    internal static string Relative(string file, string? updatePath)
    {
        var root = (updatePath ?? "").Replace('\\', '/').Trim();
        while (root.StartsWith("./", StringComparison.Ordinal) || root.StartsWith('/'))
        {
            root = root[(root.StartsWith('/') ? 1 : 2)..];
        }

        root = root.TrimEnd('/');
        return root is "" or "." || !file.StartsWith(root + "/", StringComparison.Ordinal) ? file : file[(root.Length + 1)..];
    }

    private static TemplateMap Map(string type, IEnumerable<KeyValuePair<object, object?>> entries) => new(type, [.. entries], null);

    private static readonly Comparer<ObjectIdentity> ObjectOrder = Comparer<ObjectIdentity>.Create((a, b) =>
    {
        var order = string.CompareOrdinal(a.Namespace, b.Namespace);
        order = order != 0 ? order : string.CompareOrdinal(a.Name, b.Name);
        order = order != 0 ? order : string.CompareOrdinal(a.Kind, b.Kind);
        return order != 0 ? order : string.CompareOrdinal(a.ApiVersion, b.ApiVersion);
    });
}
