using System.Text;

namespace Tidemark.Automation;

/// <summary>
/// Writes file edits as a unified diff that <c>git apply</c> accepts. Tidemark's edits replace text within lines
/// and never add or remove one, so lines are compared position by position; a file whose line count changed
/// (which the span editor does not produce) is written as one whole-file hunk.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Write(IReadOnlyList<FileEdit> edits)
    {
        var output = new StringBuilder();
        foreach (var edit in edits)
        {
            output.Append(CultureInvariant($"diff --git a/{edit.File} b/{edit.File}\n--- a/{edit.File}\n+++ b/{edit.File}\n"));
            var before = Lines(edit.Original);
            var after = Lines(edit.Updated);
            var hunks = before.Count == after.Count ? Hunks(before, after) : [(0, before.Count)];
            foreach (var (start, end) in hunks)
            {
                WriteHunk(output, before, after, start, end);
            }
        }
        return output.ToString();
    }

    /// <summary>Ranges [start, end) of line indexes to show, each changed line with its context, overlapping ranges merged.</summary>
    private static List<(int Start, int End)> Hunks(List<string> before, List<string> after)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i] == after[i])
            {
                continue;
            }
            var start = Math.Max(0, i - Context);
            var end = Math.Min(before.Count, i + Context + 1);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }
        }
        return hunks;
    }

    private static void WriteHunk(StringBuilder output, List<string> before, List<string> after, int start, int end)
    {
        var sameShape = before.Count == after.Count;
        var afterEnd = sameShape ? end : after.Count;
        output.Append(CultureInvariant($"@@ -{Range(start, end - start)} +{Range(start, afterEnd - start)} @@\n"));
        if (!sameShape)
        {
            before.GetRange(start, end - start).ForEach(line => Line(output, '-', line));
            after.ForEach(line => Line(output, '+', line));
            return;
        }
        for (var i = start; i < end; i++)
        {
            if (before[i] == after[i])
            {
                Line(output, ' ', before[i]);
                continue;
            }
            Line(output, '-', before[i]);
            Line(output, '+', after[i]);
        }
    }

    private static void Line(StringBuilder output, char prefix, string line)
    {
        output.Append(prefix);
        if (line.EndsWith('\n'))
        {
            output.Append(line);
            return;
        }
        output.Append(line).Append("\n\\ No newline at end of file\n");
    }

    private static string Range(int start, int count) => count == 0 ? CultureInvariant($"{start},0") : CultureInvariant($"{start + 1},{count}");

    /// <summary>Lines with their terminators ('\r' stays part of a CRLF line's text).</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
