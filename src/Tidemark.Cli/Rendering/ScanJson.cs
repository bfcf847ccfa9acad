using Tidemark.Versions;

namespace Tidemark.Cli.Rendering;

/// <summary>One element of <c>tidemark scan --output json</c> (documented in docs/scan.md).</summary>
internal sealed record ScanJson(
    string Image,
    string Registry,
    string Repository,
    string? Current,
    string Policy,
    int? Tags,
    int? Excluded,
    string? Selected,
    string Reason,
    string? Error,
    IReadOnlyList<ScanStepJson> Steps,
    IReadOnlyList<ScanVerdictJson>? Candidates);

internal sealed record ScanStepJson(Verdict Verdict, int Removed, string Text);

internal sealed record ScanVerdictJson(string Tag, Verdict Verdict, string Text);

/// <summary>A selection's steps and candidates as JSON; verdicts are written kebab-case by <see cref="JsonOutput"/>.</summary>
internal static class SelectionJson
{
    public static IReadOnlyList<ScanStepJson> Steps(Selection? selection) =>
        selection?.Steps.Select(s => new ScanStepJson(s.Verdict, s.Removed, s.Text)).ToList() ?? [];

    public static IReadOnlyList<ScanVerdictJson> Candidates(Selection? selection) =>
        selection is null ? [] : [.. VersionOrder.Sort(selection.Verdicts).Select(v => new ScanVerdictJson(v.Tag, v.Verdict, v.Text))];
}
