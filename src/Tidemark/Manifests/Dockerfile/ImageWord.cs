using System.Text;
using System.Text.RegularExpressions;

namespace Tidemark.Manifests.Dockerfile;

/// <summary>
/// An image word of a <c>FROM</c> or <c>COPY --from=</c> with its global ARGs substituted, e.g.
/// <c>golang:${GO_VERSION}-alpine</c> → <c>golang:1.26-alpine</c>, and the pieces it was made of, so a part of the
/// reference (the whole, the tag) can be traced back to the one place in the file that holds it.
/// </summary>
internal sealed partial record ImageWord(string Text, IReadOnlyList<FromPiece> Pieces)
{
    /// <summary>
    /// The word with <c>$NAME</c>/<c>${NAME}</c> replaced by global ARG defaults; null when a name is not such an ARG or
    /// the word holds only other <c>$</c> forms (the caller then reports the word as unresolved).
    /// </summary>
    public static ImageWord? Resolve(string word, int start, IReadOnlyDictionary<string, BuildArg> args)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(args);
        var pieces = new List<FromPiece>();
        var text = new StringBuilder();
        var position = 0;
        foreach (Match use in ArgUse().Matches(word))
        {
            if (!args.TryGetValue(use.Groups["name"].Value, out var arg))
            {
                return null;
            }
            AddLiteral(word[position..use.Index], start + position, pieces, text);
            pieces.Add(new FromPiece(text.Length, arg.Default.Length, arg.Span, arg));
            text.Append(arg.Default);
            position = use.Index + use.Length;
        }
        AddLiteral(word[position..], start + position, pieces, text);
        return word.Contains('$', StringComparison.Ordinal) && pieces.All(p => p.Arg is null) ? null : new ImageWord(text.ToString(), pieces);
    }

    /// <summary>
    /// The target for the characters [<paramref name="from"/>, <paramref name="to"/>) of <see cref="Text"/>: inside one
    /// literal piece (the word itself), or one ARG's default — for a tag or digest also with fixed text around it
    /// (<c>${GO_VERSION}-alpine</c>: the target is the ARG default with the suffix <c>-alpine</c>); else null, when
    /// no single place holds the part.
    /// </summary>
    public EditTarget? Target(int from, int to, TargetPart part)
    {
        var inside = Pieces.Where(p => p.At < to && from < p.End).ToList();
        if (to <= from || inside.Count == 0)
        {
            return null;
        }
        if (inside is [{ Arg: null } literal])
        {
            var span = new TextSpan(literal.Source.Start + from - literal.At, to - from);
            return new EditTarget(span, part, Text[from..to], TextStyle.Embedded);
        }
        if (inside.Where(p => p.Arg is not null).ToList() is not [{ Arg: { } arg } piece] || piece.At < from || piece.End > to
            || part == TargetPart.Whole && (piece.At != from || piece.End != to))
        {
            return null;
        }
        return new EditTarget(arg.Span, part, arg.Default, arg.Style) { Prefix = Text[from..piece.At], Suffix = Text[piece.End..to] };
    }

    private static void AddLiteral(string literal, int start, List<FromPiece> pieces, StringBuilder text)
    {
        if (literal.Length > 0)
        {
            pieces.Add(new FromPiece(text.Length, literal.Length, new TextSpan(start, literal.Length), null));
            text.Append(literal);
        }
    }

    // $NAME or ${NAME}; ${NAME:-default} and other modifiers are not substituted (the word then stays unresolved).
    [GeneratedRegex(@"\$(\{(?<name>\w+)\}|(?<name>\w+))", RegexOptions.CultureInvariant)]
    private static partial Regex ArgUse();
}
