using Tidemark.Manifests;

namespace Tidemark.Automation;

/// <summary>
/// The Edit stage, pure: turns update decisions into replacements per file and splices them with the shared
/// span editor, which re-reads each file and refuses any edit that did not land exactly.
/// </summary>
internal static class EditStage
{
    public static (IReadOnlyList<FileEdit> Edits, IReadOnlyList<string> Errors) Apply(
        IReadOnlyList<GovernedReference> references,
        IReadOnlyDictionary<ImageKey, Decision.Update> updates,
        IReadOnlyDictionary<ImageKey, string> digests,
        Func<string, string> readFile)
    {
        var edits = new List<FileEdit>();
        var errors = new List<string>();
        foreach (var file in references.Where(r => updates.ContainsKey(r.Key)).GroupBy(r => r.Site.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var replacements = file.Select(r => Replacement(r, updates[r.Key], digests.GetValueOrDefault(r.Key))).ToList();
            var text = readFile(file.Key);
            switch (SpanEditor.Apply(text, file.Key, replacements))
            {
                case EditOutcome.Edited edited:
                    edits.Add(new FileEdit(file.Key, text, edited.Content));
                    break;
                case EditOutcome.Refused refused:
                    errors.Add($"{refused}: the file was left as it is");
                    break;
            }
        }
        return (edits, errors);
    }

    private static Replacement Replacement(GovernedReference reference, Decision.Update update, string? digest)
    {
        if (reference.Setter is { } setter)
        {
            return new Replacement(reference.Site, null) { SetterValue = setter.Value(update.To, digest) };
        }
        return new Replacement(reference.Site, update.To, reference.Image.Digest is not null ? digest : null);
    }
}
