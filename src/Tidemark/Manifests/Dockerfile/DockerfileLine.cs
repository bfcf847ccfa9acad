using System.Text.RegularExpressions;

namespace Tidemark.Manifests.Dockerfile;

/// <summary>One instruction line split into words with their offsets in the file, e.g. <c>FROM</c>, <c>--platform=x</c>, <c>nginx:1.25</c>.</summary>
internal sealed partial record DockerfileLine(string Instruction, IReadOnlyList<(string Text, int Start)> Words, int Start)
{
    /// <summary>The lines of a Dockerfile with their offsets; a leading BOM is passed over, comments are left out.</summary>
    public static IEnumerable<DockerfileLine> Split(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var position = content.StartsWith('\uFEFF') ? 1 : 0;
        while (position < content.Length)
        {
            var end = content.IndexOf('\n', position);
            end = end < 0 ? content.Length : end;
            var words = Word().Matches(content[position..end]).Select(m => (m.Value, position + m.Index)).ToList();
            if (words.Count > 0 && !words[0].Value.StartsWith('#'))
            {
                yield return new DockerfileLine(words[0].Value.ToUpperInvariant(), words, position);
            }
            position = end + 1;
        }
    }

    [GeneratedRegex(@"[^\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
