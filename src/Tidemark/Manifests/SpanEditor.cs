using System.Text;

namespace Tidemark.Manifests;

/// <summary>
/// The shared editor: splices new values into exactly the spans of the references' tags, names or digests —
/// comments, quotes, indentation, CRLF and a BOM stay byte for byte — then re-reads the new text with each
/// kind involved and refuses the file unless every edited reference reads its new value and every other
/// reference is unchanged. Pure: text in, text out.
/// </summary>
internal static class SpanEditor
{
    /// <summary>
    /// Applies <paramref name="replacements"/> (sites found in <paramref name="content"/> by the kinds in
    /// <see cref="ManifestKinds.All"/>) to the file at <paramref name="path"/>.
    /// </summary>
    public static EditOutcome Apply(string content, string path, IReadOnlyList<Replacement> replacements)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(replacements);
        var edits = new List<SpanEdit>();
        foreach (var replacement in replacements)
        {
            var (planned, error) = EditPlanner.Plan(replacement);
            if (error is not null)
            {
                return new EditOutcome.Refused(path, replacement.Site.Line, error);
            }
            if (Fit(planned, edits) is { } unfit)
            {
                return new EditOutcome.Refused(path, replacement.Site.Line, unfit);
            }
        }
        if (Distinct(edits) is not { } distinct)
        {
            return Overlap(edits, path);
        }
        if (distinct.Count == 0)
        {
            return new EditOutcome.Unchanged();
        }
        var updated = Splice(content, distinct);
        return (EditOutcome?)EditVerifier.Verify(content, updated, path, replacements, distinct) ?? new EditOutcome.Edited(updated, distinct.Count);
    }

    /// <summary>Adds the planned edits cut to what their targets hold (see <see cref="SpanEdit.Fitted"/>); null, or why one does not fit.</summary>
    private static string? Fit(IReadOnlyList<SpanEdit> planned, List<SpanEdit> edits)
    {
        foreach (var edit in planned)
        {
            if (edit.Fitted() is not { } fitted)
            {
                var (target, value) = (edit.Target, edit.Value);
                return $"\"{value}\" does not have the form \"{target.Prefix}…{target.Suffix}\" that the file fixes around \"{target.CurrentText}\"; only the middle can change";
            }
            if (fitted.Value != fitted.Target.CurrentText)
            {
                edits.Add(fitted);
            }
        }
        return null;
    }

    /// <summary>Edits sorted by position with exact duplicates merged, or null when two edits disagree or overlap.</summary>
    private static List<SpanEdit>? Distinct(List<SpanEdit> edits)
    {
        var sorted = edits.OrderBy(e => e.Target.Span.Start).ThenBy(e => e.Target.Span.Length).ToList();
        var result = new List<SpanEdit>();
        foreach (var edit in sorted)
        {
            if (result.Count > 0 && result[^1] is var last && last.Target.Span.Overlaps(edit.Target.Span))
            {
                if (last.Target.Span != edit.Target.Span || last.Written != edit.Written)
                {
                    return null;
                }
                continue;
            }
            result.Add(edit);
        }
        return result;
    }

    private static EditOutcome.Refused Overlap(List<SpanEdit> edits, string path)
    {
        var line = edits.Count == 0 ? 0 : edits.Min(e => e.Site.Line);
        return new EditOutcome.Refused(path, line, "two edits ask for different values in the same text");
    }

    private static string Splice(string content, List<SpanEdit> edits)
    {
        var builder = new StringBuilder(content.Length + 16 * edits.Count);
        var position = 0;
        foreach (var edit in edits)
        {
            builder.Append(content, position, edit.Target.Span.Start - position).Append(edit.Written);
            position = edit.Target.Span.End;
        }
        return builder.Append(content, position, content.Length - position).ToString();
    }
}
