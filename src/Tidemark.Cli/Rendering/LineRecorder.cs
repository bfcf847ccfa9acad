using System.Text;

namespace Tidemark.Cli.Rendering;

/// <summary>
/// Standard error as it is, with each complete line also kept: <c>run --output json</c> reports the warnings and
/// errors the run wrote (<c>tidemark: warning: …</c>) in its one JSON object as well.
/// </summary>
internal sealed class LineRecorder(TextWriter inner) : TextWriter
{
    private readonly StringBuilder pending = new();
    private readonly List<string> lines = [];
    private readonly Lock gate = new();

    public override Encoding Encoding => inner.Encoding;

    /// <summary>The lines written so far that start with <paramref name="prefix"/>, the prefix removed.</summary>
    public IReadOnlyList<string> LinesStartingWith(string prefix)
    {
        lock (gate)
        {
            return [.. lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..])];
        }
    }

    public override void Write(char value)
    {
        inner.Write(value);
        lock (gate)
        {
            if (value == '\n')
            {
                lines.Add(pending.ToString().TrimEnd('\r'));
                pending.Clear();
            }
            else
            {
                pending.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        Write(value);
        Write(CoreNewLine);
        return Task.CompletedTask;
    }

    public override void Flush() => inner.Flush();
}
