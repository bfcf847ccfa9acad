namespace Tidemark.Registries;

/// <summary>Shortens an answer body or process output to one line for an error message.</summary>
internal static class Excerpt
{
    public const int DefaultLength = 200;

    public static string Of(string? text, int length = DefaultLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "(empty)";
        }

        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= length ? line : line[..length] + "...";
    }
}
