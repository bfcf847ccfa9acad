namespace Tidemark.Testing.GitHub;

/// <summary>The parts of a commit the REST bodies show.</summary>
internal sealed record CommitInfo(
    string Sha,
    string Tree,
    IReadOnlyList<string> Parents,
    string AuthorName,
    string AuthorEmail,
    string AuthorDate,
    string CommitterName,
    string CommitterEmail,
    string CommitterDate,
    string Message)
{
    public const string Format = "%H%n%T%n%P%n%an%n%ae%n%aI%n%cn%n%ce%n%cI%n%B";

    public static CommitInfo Parse(string output)
    {
        var lines = output.Split('\n');
        return new CommitInfo(
            lines[0], lines[1], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries),
            lines[3], lines[4], lines[5], lines[6], lines[7], lines[8],
            string.Join('\n', lines.Skip(9)).TrimEnd('\n'));
    }
}
