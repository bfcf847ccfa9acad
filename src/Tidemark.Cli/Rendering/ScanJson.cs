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

internal sealed record ScanStepJson(string Verdict, int Removed, string Text);

internal sealed record ScanVerdictJson(string Tag, string Verdict, string Text);
