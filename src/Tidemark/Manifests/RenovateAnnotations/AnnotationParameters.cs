namespace Tidemark.Manifests.RenovateAnnotations;

/// <summary>
/// The <c>key=value</c> words of a <c># renovate:</c> comment, e.g. <c>datasource=docker depName=ghcr.io/org/app
/// versioning=semver</c>. Keys are case-sensitive as in Renovate's templates; a word without <c>=</c> or a key given
/// twice is an error that names the word.
/// </summary>
internal static class AnnotationParameters
{
    public static (IReadOnlyDictionary<string, string> Values, string? Error) Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == word.Length - 1)
            {
                return (values, $"\"{word}\" in the renovate: annotation is not key=value");
            }
            if (!values.TryAdd(word[..equals], word[(equals + 1)..]))
            {
                return (values, $"\"{word[..equals]}\" is given twice in the renovate: annotation");
            }
        }
        return (values, null);
    }
}
