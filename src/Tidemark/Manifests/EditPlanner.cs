namespace Tidemark.Manifests;

/// <summary>Turns a <see cref="Replacement"/> into the spans to splice, or a reason it cannot be written.</summary>
internal static class EditPlanner
{
    /// <summary>The planned edits; an unwritable request gives a reason instead.</summary>
    public static (IReadOnlyList<SpanEdit> Edits, string? Error) Plan(Replacement replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var site = replacement.Site;
        var wanted = new List<(EditTarget Target, string Value)>();
        if (site.Marker is not null && replacement.SetterValue is { } setterValue)
        {
            // A marked scalar is one target: the setter writes all of it (research/flux.md §4.1).
            wanted.Add((site.Targets[0], setterValue));
            return Format(site, wanted);
        }
        var whole = site.Targets.FirstOrDefault(t => t.Part == TargetPart.Whole);
        if (whole is not null)
        {
            if (site.Image is not { } image)
            {
                return ([], "the reference's name is unknown");
            }
            var name = replacement.NewName ?? image.WrittenName;
            var tag = replacement.NewTag ?? image.Tag;
            var digest = replacement.NewDigest ?? image.Digest;
            wanted.Add((whole, name + (tag is null ? "" : ":" + tag) + (digest is null ? "" : "@" + digest)));
        }
        else if (PartEdits(replacement, wanted) is { } error)
        {
            return ([], error);
        }
        return Format(site, wanted);
    }

    private static string? PartEdits(Replacement replacement, List<(EditTarget, string)> wanted)
    {
        var site = replacement.Site;
        if (replacement.NewTag is { } tag && Add(site, TargetPart.Tag, tag, wanted) is { } tagError)
        {
            return tagError;
        }
        if (replacement.NewDigest is { } digest && Add(site, TargetPart.Digest, digest, wanted) is { } digestError)
        {
            return digestError;
        }
        if (replacement.NewName is not { } name)
        {
            return null;
        }
        var registry = site.Targets.FirstOrDefault(t => t.Part == TargetPart.Registry);
        if (registry is not null && name.IndexOf('/', StringComparison.Ordinal) is var slash and > 0)
        {
            wanted.Add((registry, name[..slash]));
            name = name[(slash + 1)..];
        }
        return Add(site, TargetPart.Name, name, wanted);
    }

    private static string? Add(ReferenceSite site, TargetPart part, string value, List<(EditTarget, string)> wanted)
    {
        var target = site.Targets.FirstOrDefault(t => t.Part == part);
        if (target is null)
        {
            return $"the reference has no {part.ToString().ToLowerInvariant()} field to write \"{value}\" into";
        }
        wanted.Add((target, value));
        return null;
    }

    private static (IReadOnlyList<SpanEdit>, string?) Format(ReferenceSite site, List<(EditTarget Target, string Value)> wanted)
    {
        var edits = new List<SpanEdit>();
        foreach (var (target, value) in wanted)
        {
            if (value == target.CurrentText)
            {
                continue;
            }
            if (Written(target.Style, value) is not { } written)
            {
                return ([], $"\"{value}\" cannot be written into this {target.Style} text without changing more than the value");
            }
            edits.Add(new SpanEdit(target, value, written, site));
        }
        return (edits, null);
    }

    private static string? Written(TextStyle style, string value)
    {
        if (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }
        return style switch
        {
            TextStyle.Plain when PlainScalars.ReadsAsNonString(value) => "\"" + value + "\"",
            TextStyle.Plain => PlainScalars.IsSafePlain(value) ? value : null,
            TextStyle.DoubleQuoted => value.Contains('"', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal) ? null : value,
            TextStyle.SingleQuoted => value.Contains('\'', StringComparison.Ordinal) ? null : value,
            _ => value.Contains('"', StringComparison.Ordinal) || value.Contains('\'', StringComparison.Ordinal) ? null : value,
        };
    }
}
