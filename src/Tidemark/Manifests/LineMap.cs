namespace Tidemark.Manifests;

/// <summary>Turns UTF-16 offsets of a text into 1-based line and column numbers (a CRLF ends a line once).</summary>
internal sealed class LineMap
{
    [ThreadStatic]
    private static LastTextCache<LineMap>? _last;

    private readonly int[] _starts;

    /// <summary>The map of <paramref name="text"/>, built once per string instance while it is the last one asked about on this thread.</summary>
    public static LineMap Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (_last ??= new()).GetValue(text, static t => new LineMap(t));
    }

    public LineMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _starts = [.. starts];
    }

    /// <summary>The 1-based line holding <paramref name="offset"/>.</summary>
    public int Line(int offset)
    {
        var index = Array.BinarySearch(_starts, offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>The 1-based column of <paramref name="offset"/> in its line.</summary>
    public int Column(int offset) => offset - _starts[Line(offset) - 1] + 1;
}
