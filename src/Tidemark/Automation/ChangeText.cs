using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tidemark.Automation;

/// <summary>
/// Everything people read about a change, derived from the one record of it (the plan's changes, STYLE §9):
/// the commit message, the pull request body and the targets of the hidden marker.
/// </summary>
internal static partial class ChangeText
{
    public const string NonBreakingSentence =
        "This update was automatically applied based on the configured semver policy.\nOnly non-breaking changes (patch and minor versions) are auto-applied.";

    /// <summary>One line per change: <c>- quay.io/jetstack/cert-manager-controller: v1.16.2 → v1.18.2</c>, marked <c>(major update)</c> when it is one.
    /// Images come first; charts and OCI artifacts follow, each named with the objects that hold it:
    /// <c>- chart podinfo (HelmRelease apps/podinfo): 6.5.0 → 6.7.1</c>.</summary>
    public static IReadOnlyList<string> ChangeLines(IReadOnlyList<PlannedChange> changes) =>
        [.. ImageLines(changes), .. ArtifactLines(changes)];

    private static IEnumerable<string> ImageLines(IReadOnlyList<PlannedChange> changes) =>
        changes.Where(c => c.Artifact == Manifests.ArtifactKind.Image).Select(Line);

    private static IEnumerable<string> ArtifactLines(IReadOnlyList<PlannedChange> changes) =>
        changes.Where(c => c.Artifact != Manifests.ArtifactKind.Image).OrderBy(c => c.Artifact).Select(Line);

    private static string Line(PlannedChange c)
    {
        var what = c.Artifact switch
        {
            Manifests.ArtifactKind.HelmChart => $"chart {c.Image[(c.Image.LastIndexOf('/') + 1)..]}",
            Manifests.ArtifactKind.OciArtifact => $"artifact {c.Image}",
            _ => c.Image,
        };
        var holders = c.Holders.Count == 0 ? "" : $" ({string.Join(", ", c.Holders)})";
        return $"- {what}{holders}: {c.From} → {c.To}" + (IsMajor(c.From, c.To) ? " (major update)" : "");
    }

    /// <summary>
    /// The pull request's title: the configured one, except that the default — which promises non-breaking changes —
    /// says so only when every change is a patch or minor update of a version.
    /// </summary>
    public static string Title(string configured, IReadOnlyList<PlannedChange> changes)
    {
        if (configured != Configuration.PullRequestConfig.DefaultTitle || changes.All(c => IsNonBreaking(c.From, c.To)))
        {
            return configured;
        }
        return changes.Any(c => IsMajor(c.From, c.To))
            ? "chore: automated image updates, including major updates"
            : "chore: automated image updates";
    }

    /// <summary>Updates the policies hold back, one each: <c>nginx: 2.0.0 — a major update, outside non-breaking</c>.</summary>
    public static IReadOnlyList<string> HeldBackTexts(IReadOnlyList<HeldBackUpdate> held) =>
        [.. held.DistinctBy(h => (h.Image, h.Tag)).Select(h => $"{h.Image}: {h.Tag} — {(IsMajor(h.From, h.Tag) ? "a major update" : "a newer version")}, outside {h.Policy}")];

    /// <summary>Image → proposed tag, the identity of a proposal (an image moving to several tags lists them, comma-separated).</summary>
    public static IReadOnlyDictionary<string, string> Targets(IReadOnlyList<PlannedChange> changes) =>
        changes.GroupBy(c => c.Image, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => string.Join(",", g.Select(c => c.To).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            StringComparer.Ordinal);

    public static string CommitMessage(IReadOnlyList<PlannedChange> changes, string subject)
    {
        var text = new StringBuilder(subject).Append("\n\n");
        foreach (var line in ChangeLines(changes))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    public static string Body(IReadOnlyList<PlannedChange> changes, string branch, IReadOnlyList<HeldBackUpdate>? held = null)
    {
        var text = new StringBuilder();
        foreach (var line in ImageLines(changes))
        {
            text.Append(line).Append('\n');
        }

        if (changes.Any(c => c.Artifact != Manifests.ArtifactKind.Image))
        {
            text.Append(changes.Any(c => c.Artifact == Manifests.ArtifactKind.Image) ? "\n" : "").Append("Charts and OCI artifacts:\n\n");
            foreach (var line in ArtifactLines(changes))
            {
                text.Append(line).Append('\n');
            }
            foreach (var note in LockFileNotes(changes))
            {
                text.Append('\n').Append(note).Append('\n');
            }
        }

        if (held is { Count: > 0 })
        {
            text.Append("\nHeld back by the policy (update by hand, or widen the policy):\n\n");
            foreach (var line in HeldBackTexts(held))
            {
                text.Append("- ").Append(line).Append('\n');
            }
        }

        text.Append('\n').Append(PolicyText(changes)).Append("\n\n");
        text.Append("| File | References changed |\n|---|---|\n");
        foreach (var (file, count) in ReferencesPerFile(changes))
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{file}` | {count} |\n");
        }

        text.Append('\n').Append(new PullRequestMarker(branch, Targets(changes)).Render()).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// For each chart whose <c>Chart.yaml</c> dependencies change: Tidemark edits the version only, so a
    /// <c>Chart.lock</c> beside it (or <c>requirements.lock</c>) no longer matches and <c>helm dependency build</c> fails
    /// until it is regenerated.
    /// </summary>
    internal static IEnumerable<string> LockFileNotes(IReadOnlyList<PlannedChange> changes)
    {
        var files = changes.SelectMany(c => c.Files).Select(f => f.File)
            .Where(Manifests.ChartDependencies.ChartDependencyKind.IsChartFile).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var slash = file.LastIndexOf('/');
            var folder = slash < 0 ? "." : file[..slash];
            var lockFile = file[(slash + 1)..].StartsWith("requirements", StringComparison.Ordinal) ? "requirements.lock" : "Chart.lock";
            yield return $"`{file}`: dependency versions changed. If the chart keeps a `{lockFile}`, regenerate it before merging "
                + $"(`helm dependency update {folder}`, then commit the lock file): `helm dependency build` refuses a lock file that no longer matches.";
        }
    }

    /// <summary>PRODUCT.md's sentence when every change keeps its major version (its minor for 0.x); else the policies by name.</summary>
    public static string PolicyText(IReadOnlyList<PlannedChange> changes) =>
        changes.All(c => IsNonBreaking(c.From, c.To))
            ? NonBreakingSentence
            : "Policies applied: " + string.Join(", ", changes.Select(c => c.Policy).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + ".";

    internal static bool IsNonBreaking(string from, string to)
    {
        var a = VersionPattern().Match(from);
        var b = VersionPattern().Match(to);
        if (!a.Success || !b.Success || a.Groups["major"].Value != b.Groups["major"].Value)
        {
            return false;
        }

        return a.Groups["major"].Value != "0" || a.Groups["minor"].Value == b.Groups["minor"].Value;
    }

    /// <summary>A version update across majors (for 0.x, across minors), e.g. <c>v1.9.0</c> → <c>v2.0.0</c>.</summary>
    internal static bool IsMajor(string from, string to)
    {
        var a = VersionPattern().Match(from);
        var b = VersionPattern().Match(to);
        if (!a.Success || !b.Success)
        {
            return false;
        }

        return a.Groups["major"].Value != b.Groups["major"].Value || (a.Groups["major"].Value == "0" && a.Groups["minor"].Value != b.Groups["minor"].Value);
    }

    private static IEnumerable<(string File, int Count)> ReferencesPerFile(IReadOnlyList<PlannedChange> changes) =>
        changes.SelectMany(c => c.Files).GroupBy(f => f.File, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));

    [GeneratedRegex(@"^v?(?<major>\d+)(\.(?<minor>\d+))?")]
    private static partial Regex VersionPattern();
}
