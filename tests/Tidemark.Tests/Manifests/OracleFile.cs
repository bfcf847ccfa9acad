namespace Tidemark.Tests.Manifests;

/// <summary>
/// What the <c>yaml</c> package read from one file: whether it parses (with its errors), every scalar (start and end
/// of its written text, value), every alias (start, end, anchor name) and every comment (start, text with its <c>#</c>).
/// </summary>
internal sealed record OracleFile(
    string Path,
    bool Valid,
    IReadOnlyList<string> Errors,
    IReadOnlyList<(int Start, int End, string Value)> Scalars,
    IReadOnlyList<(int Start, int End, string Name)> Aliases,
    IReadOnlyList<(int Start, string Text)> Comments);
